//! Unit tests of the in-memory host: it must answer as Linux would.

use super::*;
use crate::{
    read_to_end, write_all, Host, Whence, EAGAIN, EBADF, EEXIST, EISDIR, ENOTEMPTY, EPIPE, ESPIPE,
};

fn errno<T: std::fmt::Debug>(r: HostResult<T>) -> i32 {
    r.unwrap_err().errno
}

#[test]
fn preloaded_files_read_back() {
    let host = MemoryHost::new();
    host.add_file(b"/lib/pkg/mod.py", b"x = 1\n");
    let fd = host
        .open(b"/lib/pkg/mod.py", OpenFlags::read_only(), 0)
        .unwrap();
    assert_eq!(fd, 3);
    assert_eq!(read_to_end(&host, fd).unwrap(), b"x = 1\n");
    assert_eq!(host.seek(fd, 2, Whence::Set).unwrap(), 2);
    let mut buf = [0u8; 2];
    assert_eq!(host.read(fd, &mut buf).unwrap(), 2);
    assert_eq!(&buf, b"= ");
    host.close(fd).unwrap();
    assert_eq!(errno(host.close(fd)), EBADF);
    assert!(host.stat(b"/lib/pkg", true).unwrap().is_dir());
    assert_eq!(host.stat(b"/lib/pkg/mod.py", true).unwrap().size, 6);
    assert_eq!(host.listdir(b"/lib").unwrap(), vec![b"pkg".to_vec()]);
}

#[test]
fn write_append_truncate() {
    let host = MemoryHost::new();
    host.add_dir(b"/tmp");
    host.chdir(b"/tmp").unwrap();
    let fd = host
        .open(b"out.txt", OpenFlags::write_truncate(), 0o644)
        .unwrap();
    write_all(&host, fd, b"abc").unwrap();
    assert_eq!(errno(host.read(fd, &mut [0u8; 4])), EBADF);
    host.close(fd).unwrap();
    let fd = host.open(b"out.txt", OpenFlags::append(), 0o644).unwrap();
    write_all(&host, fd, b"def").unwrap();
    host.close(fd).unwrap();
    assert_eq!(host.file_contents(b"/tmp/out.txt").unwrap(), b"abcdef");
    let fd = host
        .open(b"./out.txt", OpenFlags::write_truncate(), 0)
        .unwrap();
    host.close(fd).unwrap();
    assert_eq!(host.file_contents(b"/tmp/../tmp/out.txt").unwrap(), b"");
    let excl = OpenFlags {
        write: true,
        create: true,
        exclusive: true,
        ..OpenFlags::default()
    };
    assert_eq!(errno(host.open(b"out.txt", excl, 0)), EEXIST);
}

#[test]
fn errors_match_linux() {
    let host = MemoryHost::new();
    host.add_file(b"/a/file", b"data");
    let ro = OpenFlags::read_only();
    assert_eq!(errno(host.open(b"/missing", ro, 0)), ENOENT);
    assert_eq!(errno(host.open(b"", ro, 0)), ENOENT);
    assert_eq!(
        errno(host.open(b"/nodir/x", OpenFlags::write_truncate(), 0)),
        ENOENT
    );
    assert_eq!(errno(host.open(b"/a/file/x", ro, 0)), ENOTDIR);
    assert_eq!(errno(host.open(b"/a/file/", ro, 0)), ENOTDIR);
    assert_eq!(
        errno(host.open(b"/a", OpenFlags::write_truncate(), 0)),
        EISDIR
    );
    let fd = host.open(b"/a", ro, 0).unwrap();
    assert_eq!(errno(host.read(fd, &mut [0u8; 1])), EISDIR);
    assert_eq!(errno(host.listdir(b"/a/file")), ENOTDIR);
    assert_eq!(errno(host.listdir(b"/nope")), ENOENT);
    assert_eq!(errno(host.mkdir(b"/a", 0o755)), EEXIST);
    assert_eq!(errno(host.rmdir(b"/a")), ENOTEMPTY);
    assert_eq!(errno(host.rmdir(b"/a/file")), ENOTDIR);
    assert_eq!(errno(host.unlink(b"/a")), EISDIR);
    assert_eq!(errno(host.chdir(b"/a/file")), ENOTDIR);
    assert_eq!(errno(host.readlink(b"/a/file")), EINVAL);
    assert_eq!(errno(host.seek(1, 0, Whence::Set)), ESPIPE);
    assert_eq!(errno(host.read(99, &mut [0u8; 1])), EBADF);
    let e = host.stat(b"/zzz", true).unwrap_err();
    assert_eq!(e.message, "No such file or directory");
}

#[test]
fn rename_moves_subtrees_and_open_files_survive() {
    let host = MemoryHost::new();
    host.add_file(b"/d/sub/f", b"1");
    let fd = host.open(b"/d/sub/f", OpenFlags::read_only(), 0).unwrap();
    host.rename(b"/d", b"/e").unwrap();
    assert_eq!(host.file_contents(b"/e/sub/f").unwrap(), b"1");
    assert_eq!(errno(host.stat(b"/d", true)), ENOENT);
    assert_eq!(errno(host.rename(b"/e", b"/e/sub/g")), EINVAL);
    host.unlink(b"/e/sub/f").unwrap();
    assert_eq!(read_to_end(&host, fd).unwrap(), b"1");
    host.rmdir(b"/e/sub").unwrap();
    let mut names = host.listdir(b"/").unwrap();
    names.sort();
    assert_eq!(names, vec![b"e".to_vec()]);
}

#[test]
fn stdio_env_clocks_random_exit() {
    let host = MemoryHost::new();
    host.set_stdin(b"line\n");
    let mut buf = [0u8; 16];
    assert_eq!(host.read(0, &mut buf).unwrap(), 5);
    assert_eq!(host.read(0, &mut buf).unwrap(), 0);
    write_all(&host, 1, b"out").unwrap();
    write_all(&host, 2, b"err").unwrap();
    assert_eq!(host.take_stdout(), b"out");
    assert_eq!(host.take_stderr(), b"err");
    assert!(host.take_stdout().is_empty());
    assert!(!host.isatty(1));

    host.set_env(vec![(b"HOME".to_vec(), b"/home/u".to_vec())]);
    assert_eq!(host.getenv(b"HOME").unwrap(), b"/home/u");
    assert_eq!(host.getenv(b"PATH"), None);
    assert_eq!(host.args(), vec![b"adder".to_vec()]);

    let t1 = host.monotonic_ns();
    assert!(host.monotonic_ns() > t1);
    assert!(host.time_ns() > EPOCH_NS);

    let mut a = [0u8; 13];
    let mut b = [0u8; 13];
    host.urandom(&mut a).unwrap();
    let other = MemoryHost::new();
    other.urandom(&mut b).unwrap();
    assert_eq!(a, b);
    host.urandom(&mut b).unwrap();
    assert_ne!(a, b);

    let payload =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| host.exit(3))).unwrap_err();
    assert_eq!(payload.downcast_ref::<HostExit>(), Some(&HostExit(3)));
}

#[test]
fn usable_as_trait_object() {
    let host: Rc<dyn Host> = Rc::new(MemoryHost::new());
    assert_eq!(host.getcwd().unwrap(), b"/");
    assert_eq!(host.getpid(), 42);
}

#[test]
fn dup_shares_the_position_and_dup2_replaces() {
    let host = MemoryHost::new();
    host.add_file(b"/f", b"abcdef");
    let fd = host.open(b"/f", OpenFlags::read_only(), 0).unwrap();
    let fd2 = host.dup(fd).unwrap();
    assert_eq!(fd2, fd + 1);
    assert!(!host.get_inheritable(fd2).unwrap());
    let mut buf = [0u8; 2];
    host.read(fd, &mut buf).unwrap();
    host.read(fd2, &mut buf).unwrap();
    assert_eq!(&buf, b"cd");
    host.close(fd).unwrap();
    assert_eq!(host.dup2(fd2, 7, true).unwrap(), 7);
    assert!(host.get_inheritable(7).unwrap());
    assert_eq!(host.read(7, &mut buf).unwrap(), 2);
    assert_eq!(&buf, b"ef");
    assert_eq!(errno(host.dup2(7, 7, false)), EINVAL);
    assert_eq!(host.dup2(7, 7, true).unwrap(), 7);
    assert_eq!(errno(host.dup(99)), EBADF);
}

#[test]
fn ftruncate_fsync_pread() {
    let host = MemoryHost::new();
    let fd = host
        .open(b"/t", OpenFlags::write_truncate(), 0o644)
        .unwrap();
    write_all(&host, fd, b"hello").unwrap();
    host.ftruncate(fd, 2).unwrap();
    host.fsync(fd).unwrap();
    assert_eq!(host.file_contents(b"/t").unwrap(), b"he");
    host.ftruncate(fd, 4).unwrap();
    assert_eq!(host.file_contents(b"/t").unwrap(), b"he\0\0");
    host.pwrite(fd, b"XY", 1).unwrap();
    assert_eq!(host.file_contents(b"/t").unwrap(), b"hXY\0");
    assert_eq!(errno(host.fsync(1)), EINVAL);
    let r = host.open(b"/t", OpenFlags::read_only(), 0).unwrap();
    assert_eq!(errno(host.ftruncate(r, 0)), EINVAL);
    let mut buf = [0u8; 2];
    assert_eq!(host.pread(r, &mut buf, 1).unwrap(), 2);
    assert_eq!(&buf, b"XY");
    assert_eq!(host.seek(r, 0, Whence::Cur).unwrap(), 0);
}

#[test]
fn pipes_carry_bytes_and_report_closed_ends() {
    let host = MemoryHost::new();
    let (r, w) = host.pipe().unwrap();
    assert_eq!((r, w), (3, 4));
    let mut buf = [0u8; 8];
    assert_eq!(errno(host.read(r, &mut buf)), EAGAIN);
    write_all(&host, w, b"ping").unwrap();
    assert_eq!(host.poll(&[(r, 1)], 0).unwrap(), vec![1]);
    assert_eq!(host.read(r, &mut buf).unwrap(), 4);
    assert_eq!(&buf[..4], b"ping");
    assert_eq!(errno(host.seek(r, 0, Whence::Set)), ESPIPE);
    let w2 = host.dup(w).unwrap();
    host.close(w).unwrap();
    write_all(&host, w2, b"x").unwrap();
    host.close(w2).unwrap();
    assert_eq!(host.read(r, &mut buf).unwrap(), 1);
    assert_eq!(host.read(r, &mut buf).unwrap(), 0);
    let (r2, w3) = host.pipe().unwrap();
    host.close(r2).unwrap();
    assert_eq!(errno(host.write(w3, b"x")), EPIPE);
}

#[test]
fn signals_are_recorded_and_clocks_follow_sleep() {
    let host = MemoryHost::new();
    let flag = host.signal_flag().unwrap();
    host.signal_set(10, SignalAction::Record).unwrap();
    host.raise_signal(10).unwrap();
    assert!(flag.load(std::sync::atomic::Ordering::SeqCst));
    assert_eq!(host.take_pending_signals(), vec![10]);
    assert!(host.take_pending_signals().is_empty());
    assert_eq!(errno(host.signal_set(9, SignalAction::Ignore)), EINVAL);
    let t = host.monotonic_ns();
    host.sleep_ns(5_000_000_000).unwrap();
    assert!(host.monotonic_ns() >= t + 5_000_000_000);
    let tm = host.localtime(0).unwrap();
    assert_eq!((tm.year, tm.zone.as_str()), (1970, "UTC"));
    assert_eq!(host.mktime(&tm).unwrap(), 0);
}
