import errno, os
names = sorted(n for n in dir(errno) if n.startswith('E'))
print(len(names), names[:5], names[-5:])
print(errno.ENOENT, errno.EACCES, errno.EAGAIN == errno.EWOULDBLOCK, errno.EDEADLK == errno.EDEADLOCK)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK], errno.errorcode[errno.ENOTSUP])
print(len(errno.errorcode), all(getattr(errno, v) == k for k, v in errno.errorcode.items()))
print(sorted(set(errno.errorcode.values()))[:6])
for code in [errno.ENOENT, errno.EEXIST, errno.EISDIR, errno.ENOTDIR, errno.EACCES, errno.EPERM, errno.EINTR,
             errno.EPIPE, errno.ECHILD, errno.ESRCH, errno.ETIMEDOUT, errno.ECONNREFUSED, errno.ECONNRESET,
             errno.EAGAIN, errno.EALREADY, errno.EINPROGRESS, errno.ECONNABORTED, errno.ESHUTDOWN, errno.EINVAL]:
    e = OSError(code, os.strerror(code))
    print(code, type(e).__name__, e)
print(os.strerror(0), os.strerror(99999))
