import subprocess, sys, os
r = subprocess.run(['echo', 'hello', 'world'], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
r = subprocess.run(['sh', '-c', 'echo err >&2; exit 3'], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
print(subprocess.check_output(['cat'], input=b'piped input'))
print(subprocess.run('echo $ADDER_X', shell=True, capture_output=True, env={'ADDER_X': 'from env', 'PATH': os.environ['PATH']}).stdout)
print(subprocess.run(['pwd'], capture_output=True, cwd='/usr').stdout)
try:
    subprocess.run(['/nonexistent/program'])
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.filename)
try:
    subprocess.run(['ls'], cwd='/nonexistent')
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.filename)
try:
    subprocess.check_call(['false'])
except subprocess.CalledProcessError as e:
    print('CalledProcessError', e.returncode)
p = subprocess.Popen(['sh', '-c', 'read x; echo got $x'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, _ = p.communicate(b'line\n')
print(out, p.returncode)
print(os.system('exit 2') >> 8)
print(subprocess.getoutput('echo hi'), subprocess.getstatusoutput('exit 1'))
r = subprocess.run(['sh', '-c', 'kill -TERM $$'])
print(r.returncode)
with subprocess.Popen(['sleep', '10']) as p:
    p.terminate()
print(p.wait())
r = subprocess.run(['ls', '/proc/self/fd'], capture_output=True, text=True)
print(sorted(r.stdout.split()))
