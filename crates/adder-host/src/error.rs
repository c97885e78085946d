//! Host errors and the errno vocabulary. Invariant: every failure that crosses
//! the host boundary is a `HostError` carrying the platform's numeric errno and
//! its `strerror` text, so the VM can raise the exact `OSError` subclass and
//! message CPython would. The errno constants are the platform's own values
//! (taken from `libc`), and `ERRNO_TABLE` lists every known name in the order
//! that makes the first entry for a number the name CPython's
//! `errno.errorcode` reports for it.

use std::fmt;

/// A failed host operation: the errno and its human-readable message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostError {
    /// The platform errno value (e.g. `ENOENT`).
    pub errno: i32,
    /// The `strerror` text, e.g. "No such file or directory".
    pub message: String,
}

/// The result type of every fallible host operation.
pub type HostResult<T> = Result<T, HostError>;

impl HostError {
    /// An error for `errno` with the platform's standard message.
    pub fn from_errno(errno: i32) -> HostError {
        HostError {
            errno,
            message: strerror(errno),
        }
    }

    /// An error with an explicit message (used by hosts whose policy refuses
    /// an operation with a more specific explanation).
    pub fn with_message(errno: i32, message: impl Into<String>) -> HostError {
        HostError {
            errno,
            message: message.into(),
        }
    }

    /// Converts a `std::io::Error`; errors without an OS code become `EIO`.
    pub fn from_io(err: &std::io::Error) -> HostError {
        match err.raw_os_error() {
            Some(code) => HostError::from_errno(code),
            None => HostError::with_message(EIO, err.to_string()),
        }
    }

    /// The symbolic name of this error's errno, e.g. "ENOENT".
    pub fn name(&self) -> &'static str {
        errno_name(self.errno)
    }
}

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[Errno {}] {}", self.errno, self.message)
    }
}

impl std::error::Error for HostError {}

/// The platform's message for `errno` (as C's `strerror`, or
/// "Unknown error N" for numbers it does not know).
pub fn strerror(errno: i32) -> String {
    let text = std::io::Error::from_raw_os_error(errno).to_string();
    // std renders "<strerror text> (os error N)"; keep only the text.
    let suffix = format!(" (os error {errno})");
    match text.strip_suffix(&suffix) {
        Some(msg) => msg.to_string(),
        None => text,
    }
}

macro_rules! errno_consts {
    ($($name:ident,)*) => {
        $(
            #[doc = concat!("The platform's `", stringify!($name), "`.")]
            pub const $name: i32 = libc::$name;
        )*
        /// Every errno name this platform knows, with its value. Where two
        /// names share a value the first listed is CPython's canonical one.
        pub const ERRNO_TABLE: &[(&str, i32)] = &[$((stringify!($name), $name),)*];
    };
}

errno_consts! {
    EPERM,
    ENOENT,
    ESRCH,
    EINTR,
    EIO,
    ENXIO,
    E2BIG,
    ENOEXEC,
    EBADF,
    ECHILD,
    EAGAIN,
    EWOULDBLOCK,
    ENOMEM,
    EACCES,
    EFAULT,
    ENOTBLK,
    EBUSY,
    EEXIST,
    EXDEV,
    ENODEV,
    ENOTDIR,
    EISDIR,
    EINVAL,
    ENFILE,
    EMFILE,
    ENOTTY,
    ETXTBSY,
    EFBIG,
    ENOSPC,
    ESPIPE,
    EROFS,
    EMLINK,
    EPIPE,
    EDOM,
    ERANGE,
    EDEADLOCK,
    EDEADLK,
    ENAMETOOLONG,
    ENOLCK,
    ENOSYS,
    ENOTEMPTY,
    ELOOP,
    ENOMSG,
    EIDRM,
    ECHRNG,
    EL2NSYNC,
    EL3HLT,
    EL3RST,
    ELNRNG,
    EUNATCH,
    ENOCSI,
    EL2HLT,
    EBADE,
    EBADR,
    EXFULL,
    ENOANO,
    EBADRQC,
    EBADSLT,
    EBFONT,
    ENOSTR,
    ENODATA,
    ETIME,
    ENOSR,
    ENONET,
    ENOPKG,
    EREMOTE,
    ENOLINK,
    EADV,
    ESRMNT,
    ECOMM,
    EPROTO,
    EMULTIHOP,
    EDOTDOT,
    EBADMSG,
    EOVERFLOW,
    ENOTUNIQ,
    EBADFD,
    EREMCHG,
    ELIBACC,
    ELIBBAD,
    ELIBSCN,
    ELIBMAX,
    ELIBEXEC,
    EILSEQ,
    ERESTART,
    ESTRPIPE,
    EUSERS,
    ENOTSOCK,
    EDESTADDRREQ,
    EMSGSIZE,
    EPROTOTYPE,
    ENOPROTOOPT,
    EPROTONOSUPPORT,
    ESOCKTNOSUPPORT,
    ENOTSUP,
    EOPNOTSUPP,
    EPFNOSUPPORT,
    EAFNOSUPPORT,
    EADDRINUSE,
    EADDRNOTAVAIL,
    ENETDOWN,
    ENETUNREACH,
    ENETRESET,
    ECONNABORTED,
    ECONNRESET,
    ENOBUFS,
    EISCONN,
    ENOTCONN,
    ESHUTDOWN,
    ETOOMANYREFS,
    ETIMEDOUT,
    ECONNREFUSED,
    EHOSTDOWN,
    EHOSTUNREACH,
    EALREADY,
    EINPROGRESS,
    ESTALE,
    EUCLEAN,
    ENOTNAM,
    ENAVAIL,
    EISNAM,
    EREMOTEIO,
    EDQUOT,
    ENOMEDIUM,
    EMEDIUMTYPE,
    ECANCELED,
    ENOKEY,
    EKEYEXPIRED,
    EKEYREVOKED,
    EKEYREJECTED,
    EOWNERDEAD,
    ENOTRECOVERABLE,
    ERFKILL,
}

/// The symbolic name of `errno` ("ENOENT"), or "" if it has none.
pub fn errno_name(errno: i32) -> &'static str {
    ERRNO_TABLE
        .iter()
        .find(|(_, value)| *value == errno)
        .map_or("", |(name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_messages() {
        assert_eq!(errno_name(ENOENT), "ENOENT");
        assert_eq!(errno_name(EAGAIN), "EAGAIN");
        assert_eq!(errno_name(-12345), "");
        assert_eq!(strerror(ENOENT), "No such file or directory");
        assert_eq!(strerror(9999), "Unknown error 9999");
        let err = HostError::from_errno(EISDIR);
        assert_eq!(err.to_string(), "[Errno 21] Is a directory");
        assert_eq!(err.name(), "EISDIR");
    }
}
