//! Sockets at the host boundary: the plain-data types that socket requests
//! and replies carry ([`SockAddr`], [`AddrInfo`], [`HostEnt`], [`AncData`],
//! [`RecvMsg`], [`NetError`]) and the platform's socket constants by the
//! names Python's `_socket` gives them. Invariant: every type here is a value
//! (no handles, pointers or callbacks), so a sandboxed host can serialise each
//! socket call as it is; every constant is the platform's own value (from
//! `libc` where it names it, else Linux's literal value).
#![allow(clippy::unnecessary_cast)]

use crate::HostError;

/// A socket address, decoded from (or to be encoded as) a `struct sockaddr`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SockAddr {
    /// `AF_INET`: the address in network byte order and the port.
    Inet { addr: [u8; 4], port: u16 },
    /// `AF_INET6`.
    Inet6 {
        addr: [u8; 16],
        port: u16,
        flowinfo: u32,
        scope_id: u32,
    },
    /// `AF_UNIX`: the bytes of `sun_path` the kernel reported (or that are to
    /// be passed): empty for an unnamed socket; a leading NUL marks Linux's
    /// abstract namespace (then every byte counts); a filesystem path may
    /// carry its terminating NUL, which readers drop.
    Unix(Vec<u8>),
    /// `AF_NETLINK`: (pid, multicast groups).
    Netlink { pid: u32, groups: u32 },
    /// `AF_VSOCK`: (context id, port).
    Vsock { cid: u32, port: u32 },
    /// Any other family: the 14 bytes of `sa_data`.
    Other { family: i32, data: Vec<u8> },
}

impl SockAddr {
    /// The address family (`AF_*`) this address belongs to.
    pub fn family(&self) -> i32 {
        match self {
            SockAddr::Inet { .. } => AF_INET,
            SockAddr::Inet6 { .. } => AF_INET6,
            SockAddr::Unix(_) => AF_UNIX,
            SockAddr::Netlink { .. } => AF_NETLINK,
            SockAddr::Vsock { .. } => AF_VSOCK,
            SockAddr::Other { family, .. } => *family,
        }
    }
}

/// The longest `AF_UNIX` path (`sizeof(sun_path)`).
pub const UNIX_PATH_MAX: usize = 108;

/// One result of `getaddrinfo`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddrInfo {
    pub family: i32,
    pub socktype: i32,
    pub protocol: i32,
    /// `ai_canonname` (empty when absent).
    pub canonname: Vec<u8>,
    /// `ai_addr`; None when the family's address is empty.
    pub addr: Option<SockAddr>,
}

/// A host-database entry (`struct hostent`), as `gethostbyname_ex` and
/// `gethostbyaddr` report it; `addrs` are IPv4 (4 bytes) or IPv6 (16 bytes).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HostEnt {
    pub name: Vec<u8>,
    pub aliases: Vec<Vec<u8>>,
    pub family: i32,
    pub addrs: Vec<Vec<u8>>,
}

/// One ancillary-data item of `sendmsg`/`recvmsg`: (level, type, data).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AncData {
    pub level: i32,
    pub kind: i32,
    pub data: Vec<u8>,
}

/// What `recvmsg` received.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecvMsg {
    pub data: Vec<u8>,
    pub ancdata: Vec<AncData>,
    /// `msg_flags` (`MSG_TRUNC`, `MSG_CTRUNC`, ...).
    pub flags: i32,
    /// The sender (None when the kernel reported no address).
    pub addr: Option<SockAddr>,
    /// The control data held a header that was cut short (CPython warns
    /// "received malformed or improperly-truncated ancillary data").
    pub malformed: bool,
}

/// Why a name-service call failed: an `EAI_*` code from `getaddrinfo` /
/// `getnameinfo` (Python's `socket.gaierror`), an `h_errno` code from the
/// host database (`socket.herror`), or a plain OS error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NetError {
    Gai { code: i32, message: String },
    Host { code: i32, message: String },
    Os(HostError),
}

impl From<HostError> for NetError {
    fn from(e: HostError) -> NetError {
        NetError::Os(e)
    }
}

/// The result type of name-service calls.
pub type NetResult<T> = Result<T, NetError>;

/// The largest `socklen_t` value CPython lets ancillary sizes reach.
const SOCKLEN_LIMIT: usize = i32::MAX as usize;

fn raw_cmsg_len(n: usize) -> usize {
    cmsg_align(std::mem::size_of::<libc::cmsghdr>()) + n
}

fn raw_cmsg_space(n: usize) -> usize {
    cmsg_align(std::mem::size_of::<libc::cmsghdr>()) + cmsg_align(n)
}

/// `CMSG_LEN(n)`: the `cmsg_len` of an item with `n` data bytes (None when
/// the result would pass the `socklen_t` limit, as CPython's
/// `get_CMSG_LEN` refuses).
pub fn cmsg_len(n: usize) -> Option<usize> {
    if n > SOCKLEN_LIMIT - raw_cmsg_len(0) {
        return None;
    }
    Some(raw_cmsg_len(n))
}

/// `CMSG_SPACE(n)`: the buffer space an item with `n` data bytes takes
/// (None past the limit, as `get_CMSG_SPACE`).
pub fn cmsg_space(n: usize) -> Option<usize> {
    if n > SOCKLEN_LIMIT - raw_cmsg_space(1) {
        return None;
    }
    let v = raw_cmsg_space(n);
    (v <= SOCKLEN_LIMIT).then_some(v)
}

fn cmsg_align(n: usize) -> usize {
    let a = std::mem::size_of::<usize>();
    (n + a - 1) & !(a - 1)
}

pub const AF_UNSPEC: i32 = libc::AF_UNSPEC;
pub const AF_INET: i32 = libc::AF_INET;
pub const AF_INET6: i32 = libc::AF_INET6;
pub const AF_UNIX: i32 = libc::AF_UNIX;
pub const AF_NETLINK: i32 = libc::AF_NETLINK;
pub const AF_VSOCK: i32 = libc::AF_VSOCK;
pub const SOCK_STREAM: i32 = libc::SOCK_STREAM;
pub const SOCK_DGRAM: i32 = libc::SOCK_DGRAM;
pub const SOCK_SEQPACKET: i32 = libc::SOCK_SEQPACKET;
pub const SOCK_NONBLOCK: i32 = libc::SOCK_NONBLOCK;
pub const SOCK_CLOEXEC: i32 = libc::SOCK_CLOEXEC;
pub const SOL_SOCKET: i32 = libc::SOL_SOCKET;
pub const SO_ERROR: i32 = libc::SO_ERROR;
pub const SO_TYPE: i32 = libc::SO_TYPE;
pub const SO_PROTOCOL: i32 = libc::SO_PROTOCOL;
pub const SO_DOMAIN: i32 = libc::SO_DOMAIN;
pub const SOMAXCONN: i32 = libc::SOMAXCONN;
pub const AI_PASSIVE: i32 = libc::AI_PASSIVE;
pub const AI_NUMERICHOST: i32 = libc::AI_NUMERICHOST;
pub const EAI_SYSTEM: i32 = libc::EAI_SYSTEM;
pub const EAI_NONAME: i32 = libc::EAI_NONAME;
pub const MSG_PEEK: i32 = libc::MSG_PEEK;
pub const MSG_TRUNC: i32 = libc::MSG_TRUNC;
pub const MSG_CTRUNC: i32 = libc::MSG_CTRUNC;
pub const MSG_DONTWAIT: i32 = libc::MSG_DONTWAIT;
pub const SHUT_RD: i32 = libc::SHUT_RD;
pub const SHUT_WR: i32 = libc::SHUT_WR;
pub const SHUT_RDWR: i32 = libc::SHUT_RDWR;
pub const SCM_RIGHTS: i32 = libc::SCM_RIGHTS;

/// Every integer constant of Python's `_socket` module on this platform.
pub const SOCKET_CONSTS: &[(&str, i64)] = &[
    ("AF_ALG", libc::AF_ALG as i64),
    ("AF_APPLETALK", libc::AF_APPLETALK as i64),
    ("AF_ASH", libc::AF_ASH as i64),
    ("AF_ATMPVC", libc::AF_ATMPVC as i64),
    ("AF_ATMSVC", libc::AF_ATMSVC as i64),
    ("AF_AX25", libc::AF_AX25 as i64),
    ("AF_BLUETOOTH", libc::AF_BLUETOOTH as i64),
    ("AF_BRIDGE", libc::AF_BRIDGE as i64),
    ("AF_CAN", libc::AF_CAN as i64),
    ("AF_DECnet", libc::AF_DECnet as i64),
    ("AF_ECONET", libc::AF_ECONET as i64),
    ("AF_INET", libc::AF_INET as i64),
    ("AF_INET6", libc::AF_INET6 as i64),
    ("AF_IPX", libc::AF_IPX as i64),
    ("AF_IRDA", libc::AF_IRDA as i64),
    ("AF_KEY", libc::AF_KEY as i64),
    ("AF_LLC", libc::AF_LLC as i64),
    ("AF_NETBEUI", libc::AF_NETBEUI as i64),
    ("AF_NETLINK", libc::AF_NETLINK as i64),
    ("AF_NETROM", libc::AF_NETROM as i64),
    ("AF_PACKET", libc::AF_PACKET as i64),
    ("AF_PPPOX", libc::AF_PPPOX as i64),
    ("AF_QIPCRTR", 42),
    ("AF_RDS", libc::AF_RDS as i64),
    ("AF_ROSE", libc::AF_ROSE as i64),
    ("AF_ROUTE", libc::AF_ROUTE as i64),
    ("AF_SECURITY", libc::AF_SECURITY as i64),
    ("AF_SNA", libc::AF_SNA as i64),
    ("AF_TIPC", libc::AF_TIPC as i64),
    ("AF_UNIX", libc::AF_UNIX as i64),
    ("AF_UNSPEC", libc::AF_UNSPEC as i64),
    ("AF_VSOCK", libc::AF_VSOCK as i64),
    ("AF_WANPIPE", libc::AF_WANPIPE as i64),
    ("AF_X25", libc::AF_X25 as i64),
    ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG as i64),
    ("AI_ALL", libc::AI_ALL as i64),
    ("AI_CANONNAME", libc::AI_CANONNAME as i64),
    ("AI_NUMERICHOST", libc::AI_NUMERICHOST as i64),
    ("AI_NUMERICSERV", libc::AI_NUMERICSERV as i64),
    ("AI_PASSIVE", libc::AI_PASSIVE as i64),
    ("AI_V4MAPPED", libc::AI_V4MAPPED as i64),
    ("ALG_OP_DECRYPT", libc::ALG_OP_DECRYPT as i64),
    ("ALG_OP_ENCRYPT", libc::ALG_OP_ENCRYPT as i64),
    ("ALG_OP_SIGN", 2),
    ("ALG_OP_VERIFY", 3),
    ("ALG_SET_AEAD_ASSOCLEN", libc::ALG_SET_AEAD_ASSOCLEN as i64),
    ("ALG_SET_AEAD_AUTHSIZE", libc::ALG_SET_AEAD_AUTHSIZE as i64),
    ("ALG_SET_IV", libc::ALG_SET_IV as i64),
    ("ALG_SET_KEY", libc::ALG_SET_KEY as i64),
    ("ALG_SET_OP", libc::ALG_SET_OP as i64),
    ("ALG_SET_PUBKEY", 6),
    ("BTPROTO_HCI", 1),
    ("BTPROTO_L2CAP", 0),
    ("BTPROTO_RFCOMM", 3),
    ("BTPROTO_SCO", 2),
    ("CAN_BCM", libc::CAN_BCM as i64),
    ("CAN_BCM_CAN_FD_FRAME", 2048),
    ("CAN_BCM_RX_ANNOUNCE_RESUME", 256),
    ("CAN_BCM_RX_CHANGED", 12),
    ("CAN_BCM_RX_CHECK_DLC", 64),
    ("CAN_BCM_RX_DELETE", 6),
    ("CAN_BCM_RX_FILTER_ID", 32),
    ("CAN_BCM_RX_NO_AUTOTIMER", 128),
    ("CAN_BCM_RX_READ", 7),
    ("CAN_BCM_RX_RTR_FRAME", 1024),
    ("CAN_BCM_RX_SETUP", 5),
    ("CAN_BCM_RX_STATUS", 10),
    ("CAN_BCM_RX_TIMEOUT", 11),
    ("CAN_BCM_SETTIMER", 1),
    ("CAN_BCM_STARTTIMER", 2),
    ("CAN_BCM_TX_ANNOUNCE", 8),
    ("CAN_BCM_TX_COUNTEVT", 4),
    ("CAN_BCM_TX_CP_CAN_ID", 16),
    ("CAN_BCM_TX_DELETE", 2),
    ("CAN_BCM_TX_EXPIRED", 9),
    ("CAN_BCM_TX_READ", 3),
    ("CAN_BCM_TX_RESET_MULTI_IDX", 512),
    ("CAN_BCM_TX_SEND", 4),
    ("CAN_BCM_TX_SETUP", 1),
    ("CAN_BCM_TX_STATUS", 8),
    ("CAN_EFF_FLAG", libc::CAN_EFF_FLAG as i64),
    ("CAN_EFF_MASK", libc::CAN_EFF_MASK as i64),
    ("CAN_ERR_FLAG", libc::CAN_ERR_FLAG as i64),
    ("CAN_ERR_MASK", libc::CAN_ERR_MASK as i64),
    ("CAN_ISOTP", libc::CAN_ISOTP as i64),
    ("CAN_J1939", libc::CAN_J1939 as i64),
    ("CAN_RAW", libc::CAN_RAW as i64),
    ("CAN_RAW_FD_FRAMES", libc::CAN_RAW_FD_FRAMES as i64),
    ("CAN_RAW_FILTER", libc::CAN_RAW_FILTER as i64),
    ("CAN_RAW_JOIN_FILTERS", libc::CAN_RAW_JOIN_FILTERS as i64),
    ("CAN_RAW_LOOPBACK", libc::CAN_RAW_LOOPBACK as i64),
    ("CAN_RAW_RECV_OWN_MSGS", libc::CAN_RAW_RECV_OWN_MSGS as i64),
    ("CAN_RTR_FLAG", libc::CAN_RTR_FLAG as i64),
    ("CAN_SFF_MASK", libc::CAN_SFF_MASK as i64),
    ("EAI_ADDRFAMILY", -9),
    ("EAI_AGAIN", libc::EAI_AGAIN as i64),
    ("EAI_BADFLAGS", libc::EAI_BADFLAGS as i64),
    ("EAI_FAIL", libc::EAI_FAIL as i64),
    ("EAI_FAMILY", libc::EAI_FAMILY as i64),
    ("EAI_MEMORY", libc::EAI_MEMORY as i64),
    ("EAI_NODATA", libc::EAI_NODATA as i64),
    ("EAI_NONAME", libc::EAI_NONAME as i64),
    ("EAI_OVERFLOW", libc::EAI_OVERFLOW as i64),
    ("EAI_SERVICE", libc::EAI_SERVICE as i64),
    ("EAI_SOCKTYPE", libc::EAI_SOCKTYPE as i64),
    ("EAI_SYSTEM", libc::EAI_SYSTEM as i64),
    ("HCI_DATA_DIR", 1),
    ("HCI_FILTER", 2),
    ("HCI_TIME_STAMP", 3),
    ("INADDR_ALLHOSTS_GROUP", 3758096385),
    ("INADDR_ANY", libc::INADDR_ANY as i64),
    ("INADDR_BROADCAST", libc::INADDR_BROADCAST as i64),
    ("INADDR_LOOPBACK", libc::INADDR_LOOPBACK as i64),
    ("INADDR_MAX_LOCAL_GROUP", 3758096639),
    ("INADDR_NONE", libc::INADDR_NONE as i64),
    ("INADDR_UNSPEC_GROUP", 3758096384),
    ("IOCTL_VM_SOCKETS_GET_LOCAL_CID", 1977),
    ("IPPORT_RESERVED", 1024),
    ("IPPORT_USERRESERVED", 5000),
    ("IPPROTO_AH", libc::IPPROTO_AH as i64),
    ("IPPROTO_DSTOPTS", libc::IPPROTO_DSTOPTS as i64),
    ("IPPROTO_EGP", libc::IPPROTO_EGP as i64),
    ("IPPROTO_ESP", libc::IPPROTO_ESP as i64),
    ("IPPROTO_FRAGMENT", libc::IPPROTO_FRAGMENT as i64),
    ("IPPROTO_GRE", libc::IPPROTO_GRE as i64),
    ("IPPROTO_HOPOPTS", libc::IPPROTO_HOPOPTS as i64),
    ("IPPROTO_ICMP", libc::IPPROTO_ICMP as i64),
    ("IPPROTO_ICMPV6", libc::IPPROTO_ICMPV6 as i64),
    ("IPPROTO_IDP", libc::IPPROTO_IDP as i64),
    ("IPPROTO_IGMP", libc::IPPROTO_IGMP as i64),
    ("IPPROTO_IP", libc::IPPROTO_IP as i64),
    ("IPPROTO_IPIP", libc::IPPROTO_IPIP as i64),
    ("IPPROTO_IPV6", libc::IPPROTO_IPV6 as i64),
    ("IPPROTO_MPTCP", libc::IPPROTO_MPTCP as i64),
    ("IPPROTO_NONE", libc::IPPROTO_NONE as i64),
    ("IPPROTO_PIM", libc::IPPROTO_PIM as i64),
    ("IPPROTO_PUP", libc::IPPROTO_PUP as i64),
    ("IPPROTO_RAW", libc::IPPROTO_RAW as i64),
    ("IPPROTO_ROUTING", libc::IPPROTO_ROUTING as i64),
    ("IPPROTO_RSVP", libc::IPPROTO_RSVP as i64),
    ("IPPROTO_SCTP", libc::IPPROTO_SCTP as i64),
    ("IPPROTO_TCP", libc::IPPROTO_TCP as i64),
    ("IPPROTO_TP", libc::IPPROTO_TP as i64),
    ("IPPROTO_UDP", libc::IPPROTO_UDP as i64),
    ("IPPROTO_UDPLITE", libc::IPPROTO_UDPLITE as i64),
    ("IPV6_CHECKSUM", libc::IPV6_CHECKSUM as i64),
    ("IPV6_DONTFRAG", libc::IPV6_DONTFRAG as i64),
    ("IPV6_DSTOPTS", libc::IPV6_DSTOPTS as i64),
    ("IPV6_HOPLIMIT", libc::IPV6_HOPLIMIT as i64),
    ("IPV6_HOPOPTS", libc::IPV6_HOPOPTS as i64),
    ("IPV6_JOIN_GROUP", 20),
    ("IPV6_LEAVE_GROUP", 21),
    ("IPV6_MULTICAST_HOPS", libc::IPV6_MULTICAST_HOPS as i64),
    ("IPV6_MULTICAST_IF", libc::IPV6_MULTICAST_IF as i64),
    ("IPV6_MULTICAST_LOOP", libc::IPV6_MULTICAST_LOOP as i64),
    ("IPV6_NEXTHOP", libc::IPV6_NEXTHOP as i64),
    ("IPV6_PATHMTU", libc::IPV6_PATHMTU as i64),
    ("IPV6_PKTINFO", libc::IPV6_PKTINFO as i64),
    ("IPV6_RECVDSTOPTS", libc::IPV6_RECVDSTOPTS as i64),
    ("IPV6_RECVHOPLIMIT", libc::IPV6_RECVHOPLIMIT as i64),
    ("IPV6_RECVHOPOPTS", libc::IPV6_RECVHOPOPTS as i64),
    ("IPV6_RECVPATHMTU", libc::IPV6_RECVPATHMTU as i64),
    ("IPV6_RECVPKTINFO", libc::IPV6_RECVPKTINFO as i64),
    ("IPV6_RECVRTHDR", libc::IPV6_RECVRTHDR as i64),
    ("IPV6_RECVTCLASS", libc::IPV6_RECVTCLASS as i64),
    ("IPV6_RTHDR", libc::IPV6_RTHDR as i64),
    ("IPV6_RTHDRDSTOPTS", libc::IPV6_RTHDRDSTOPTS as i64),
    ("IPV6_RTHDR_TYPE_0", 0),
    ("IPV6_TCLASS", libc::IPV6_TCLASS as i64),
    ("IPV6_UNICAST_HOPS", libc::IPV6_UNICAST_HOPS as i64),
    ("IPV6_V6ONLY", libc::IPV6_V6ONLY as i64),
    ("IP_ADD_MEMBERSHIP", libc::IP_ADD_MEMBERSHIP as i64),
    (
        "IP_BIND_ADDRESS_NO_PORT",
        libc::IP_BIND_ADDRESS_NO_PORT as i64,
    ),
    (
        "IP_DEFAULT_MULTICAST_LOOP",
        libc::IP_DEFAULT_MULTICAST_LOOP as i64,
    ),
    (
        "IP_DEFAULT_MULTICAST_TTL",
        libc::IP_DEFAULT_MULTICAST_TTL as i64,
    ),
    ("IP_DROP_MEMBERSHIP", libc::IP_DROP_MEMBERSHIP as i64),
    ("IP_HDRINCL", libc::IP_HDRINCL as i64),
    ("IP_MAX_MEMBERSHIPS", 20),
    ("IP_MULTICAST_IF", libc::IP_MULTICAST_IF as i64),
    ("IP_MULTICAST_LOOP", libc::IP_MULTICAST_LOOP as i64),
    ("IP_MULTICAST_TTL", libc::IP_MULTICAST_TTL as i64),
    ("IP_OPTIONS", libc::IP_OPTIONS as i64),
    ("IP_RECVOPTS", libc::IP_RECVOPTS as i64),
    ("IP_RECVRETOPTS", 7),
    ("IP_RECVTOS", libc::IP_RECVTOS as i64),
    ("IP_RETOPTS", libc::IP_RETOPTS as i64),
    ("IP_TOS", libc::IP_TOS as i64),
    ("IP_TRANSPARENT", libc::IP_TRANSPARENT as i64),
    ("IP_TTL", libc::IP_TTL as i64),
    ("J1939_EE_INFO_NONE", libc::J1939_EE_INFO_NONE as i64),
    (
        "J1939_EE_INFO_TX_ABORT",
        libc::J1939_EE_INFO_TX_ABORT as i64,
    ),
    ("J1939_FILTER_MAX", libc::J1939_FILTER_MAX as i64),
    ("J1939_IDLE_ADDR", libc::J1939_IDLE_ADDR as i64),
    (
        "J1939_MAX_UNICAST_ADDR",
        libc::J1939_MAX_UNICAST_ADDR as i64,
    ),
    ("J1939_NLA_BYTES_ACKED", libc::J1939_NLA_BYTES_ACKED as i64),
    ("J1939_NLA_PAD", libc::J1939_NLA_PAD as i64),
    ("J1939_NO_ADDR", libc::J1939_NO_ADDR as i64),
    ("J1939_NO_NAME", libc::J1939_NO_NAME as i64),
    ("J1939_NO_PGN", libc::J1939_NO_PGN as i64),
    (
        "J1939_PGN_ADDRESS_CLAIMED",
        libc::J1939_PGN_ADDRESS_CLAIMED as i64,
    ),
    (
        "J1939_PGN_ADDRESS_COMMANDED",
        libc::J1939_PGN_ADDRESS_COMMANDED as i64,
    ),
    ("J1939_PGN_MAX", libc::J1939_PGN_MAX as i64),
    ("J1939_PGN_PDU1_MAX", libc::J1939_PGN_PDU1_MAX as i64),
    ("J1939_PGN_REQUEST", libc::J1939_PGN_REQUEST as i64),
    ("MSG_CMSG_CLOEXEC", libc::MSG_CMSG_CLOEXEC as i64),
    ("MSG_CONFIRM", libc::MSG_CONFIRM as i64),
    ("MSG_CTRUNC", libc::MSG_CTRUNC as i64),
    ("MSG_DONTROUTE", libc::MSG_DONTROUTE as i64),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT as i64),
    ("MSG_EOR", libc::MSG_EOR as i64),
    ("MSG_ERRQUEUE", libc::MSG_ERRQUEUE as i64),
    ("MSG_FASTOPEN", libc::MSG_FASTOPEN as i64),
    ("MSG_MORE", libc::MSG_MORE as i64),
    ("MSG_NOSIGNAL", libc::MSG_NOSIGNAL as i64),
    ("MSG_OOB", libc::MSG_OOB as i64),
    ("MSG_PEEK", libc::MSG_PEEK as i64),
    ("MSG_TRUNC", libc::MSG_TRUNC as i64),
    ("MSG_WAITALL", libc::MSG_WAITALL as i64),
    ("NETLINK_CRYPTO", libc::NETLINK_CRYPTO as i64),
    ("NETLINK_DNRTMSG", libc::NETLINK_DNRTMSG as i64),
    ("NETLINK_FIREWALL", libc::NETLINK_FIREWALL as i64),
    ("NETLINK_IP6_FW", libc::NETLINK_IP6_FW as i64),
    ("NETLINK_NFLOG", libc::NETLINK_NFLOG as i64),
    ("NETLINK_ROUTE", libc::NETLINK_ROUTE as i64),
    ("NETLINK_USERSOCK", libc::NETLINK_USERSOCK as i64),
    ("NETLINK_XFRM", libc::NETLINK_XFRM as i64),
    ("NI_DGRAM", libc::NI_DGRAM as i64),
    ("NI_MAXHOST", libc::NI_MAXHOST as i64),
    ("NI_MAXSERV", 32),
    ("NI_NAMEREQD", libc::NI_NAMEREQD as i64),
    ("NI_NOFQDN", libc::NI_NOFQDN as i64),
    ("NI_NUMERICHOST", libc::NI_NUMERICHOST as i64),
    ("NI_NUMERICSERV", libc::NI_NUMERICSERV as i64),
    ("PACKET_BROADCAST", libc::PACKET_BROADCAST as i64),
    ("PACKET_FASTROUTE", 6),
    ("PACKET_HOST", libc::PACKET_HOST as i64),
    ("PACKET_LOOPBACK", libc::PACKET_LOOPBACK as i64),
    ("PACKET_MULTICAST", libc::PACKET_MULTICAST as i64),
    ("PACKET_OTHERHOST", libc::PACKET_OTHERHOST as i64),
    ("PACKET_OUTGOING", libc::PACKET_OUTGOING as i64),
    ("PF_CAN", libc::PF_CAN as i64),
    ("PF_PACKET", libc::PF_PACKET as i64),
    ("PF_RDS", libc::PF_RDS as i64),
    ("SCM_CREDENTIALS", libc::SCM_CREDENTIALS as i64),
    ("SCM_J1939_DEST_ADDR", libc::SCM_J1939_DEST_ADDR as i64),
    ("SCM_J1939_DEST_NAME", libc::SCM_J1939_DEST_NAME as i64),
    ("SCM_J1939_ERRQUEUE", libc::SCM_J1939_ERRQUEUE as i64),
    ("SCM_J1939_PRIO", libc::SCM_J1939_PRIO as i64),
    ("SCM_RIGHTS", libc::SCM_RIGHTS as i64),
    ("SHUT_RD", libc::SHUT_RD as i64),
    ("SHUT_RDWR", libc::SHUT_RDWR as i64),
    ("SHUT_WR", libc::SHUT_WR as i64),
    ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC as i64),
    ("SOCK_DGRAM", libc::SOCK_DGRAM as i64),
    ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK as i64),
    ("SOCK_RAW", libc::SOCK_RAW as i64),
    ("SOCK_RDM", libc::SOCK_RDM as i64),
    ("SOCK_SEQPACKET", libc::SOCK_SEQPACKET as i64),
    ("SOCK_STREAM", libc::SOCK_STREAM as i64),
    ("SOL_ALG", libc::SOL_ALG as i64),
    ("SOL_CAN_BASE", libc::SOL_CAN_BASE as i64),
    ("SOL_CAN_RAW", libc::SOL_CAN_RAW as i64),
    ("SOL_HCI", 0),
    ("SOL_IP", libc::SOL_IP as i64),
    ("SOL_RDS", libc::SOL_RDS as i64),
    ("SOL_SOCKET", libc::SOL_SOCKET as i64),
    ("SOL_TCP", libc::SOL_TCP as i64),
    ("SOL_TIPC", libc::SOL_TIPC as i64),
    ("SOL_UDP", libc::SOL_UDP as i64),
    ("SOMAXCONN", libc::SOMAXCONN as i64),
    ("SO_ACCEPTCONN", libc::SO_ACCEPTCONN as i64),
    ("SO_BINDTODEVICE", libc::SO_BINDTODEVICE as i64),
    ("SO_BROADCAST", libc::SO_BROADCAST as i64),
    ("SO_DEBUG", libc::SO_DEBUG as i64),
    ("SO_DOMAIN", libc::SO_DOMAIN as i64),
    ("SO_DONTROUTE", libc::SO_DONTROUTE as i64),
    ("SO_ERROR", libc::SO_ERROR as i64),
    ("SO_INCOMING_CPU", libc::SO_INCOMING_CPU as i64),
    ("SO_J1939_ERRQUEUE", libc::SO_J1939_ERRQUEUE as i64),
    ("SO_J1939_FILTER", libc::SO_J1939_FILTER as i64),
    ("SO_J1939_PROMISC", libc::SO_J1939_PROMISC as i64),
    ("SO_J1939_SEND_PRIO", libc::SO_J1939_SEND_PRIO as i64),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE as i64),
    ("SO_LINGER", libc::SO_LINGER as i64),
    ("SO_MARK", libc::SO_MARK as i64),
    ("SO_OOBINLINE", libc::SO_OOBINLINE as i64),
    ("SO_PASSCRED", libc::SO_PASSCRED as i64),
    ("SO_PASSSEC", libc::SO_PASSSEC as i64),
    ("SO_PEERCRED", libc::SO_PEERCRED as i64),
    ("SO_PEERSEC", libc::SO_PEERSEC as i64),
    ("SO_PRIORITY", libc::SO_PRIORITY as i64),
    ("SO_PROTOCOL", libc::SO_PROTOCOL as i64),
    ("SO_RCVBUF", libc::SO_RCVBUF as i64),
    ("SO_RCVLOWAT", libc::SO_RCVLOWAT as i64),
    ("SO_RCVTIMEO", libc::SO_RCVTIMEO as i64),
    ("SO_REUSEADDR", libc::SO_REUSEADDR as i64),
    ("SO_REUSEPORT", libc::SO_REUSEPORT as i64),
    ("SO_SNDBUF", libc::SO_SNDBUF as i64),
    ("SO_SNDLOWAT", libc::SO_SNDLOWAT as i64),
    ("SO_SNDTIMEO", libc::SO_SNDTIMEO as i64),
    ("SO_TYPE", libc::SO_TYPE as i64),
    ("SO_VM_SOCKETS_BUFFER_MAX_SIZE", 2),
    ("SO_VM_SOCKETS_BUFFER_MIN_SIZE", 1),
    ("SO_VM_SOCKETS_BUFFER_SIZE", 0),
    ("TCP_CONGESTION", libc::TCP_CONGESTION as i64),
    ("TCP_CORK", libc::TCP_CORK as i64),
    ("TCP_DEFER_ACCEPT", libc::TCP_DEFER_ACCEPT as i64),
    ("TCP_FASTOPEN", libc::TCP_FASTOPEN as i64),
    ("TCP_INFO", libc::TCP_INFO as i64),
    ("TCP_KEEPCNT", libc::TCP_KEEPCNT as i64),
    ("TCP_KEEPIDLE", libc::TCP_KEEPIDLE as i64),
    ("TCP_KEEPINTVL", libc::TCP_KEEPINTVL as i64),
    ("TCP_LINGER2", libc::TCP_LINGER2 as i64),
    ("TCP_MAXSEG", libc::TCP_MAXSEG as i64),
    ("TCP_NODELAY", libc::TCP_NODELAY as i64),
    ("TCP_NOTSENT_LOWAT", libc::TCP_NOTSENT_LOWAT as i64),
    ("TCP_QUICKACK", libc::TCP_QUICKACK as i64),
    ("TCP_SYNCNT", libc::TCP_SYNCNT as i64),
    ("TCP_USER_TIMEOUT", libc::TCP_USER_TIMEOUT as i64),
    ("TCP_WINDOW_CLAMP", libc::TCP_WINDOW_CLAMP as i64),
    ("TIPC_ADDR_ID", 3),
    ("TIPC_ADDR_NAME", 2),
    ("TIPC_ADDR_NAMESEQ", 1),
    ("TIPC_CFG_SRV", 0),
    ("TIPC_CLUSTER_SCOPE", 2),
    ("TIPC_CONN_TIMEOUT", 130),
    ("TIPC_CRITICAL_IMPORTANCE", 3),
    ("TIPC_DEST_DROPPABLE", 129),
    ("TIPC_HIGH_IMPORTANCE", 2),
    ("TIPC_IMPORTANCE", 127),
    ("TIPC_LOW_IMPORTANCE", 0),
    ("TIPC_MEDIUM_IMPORTANCE", 1),
    ("TIPC_NODE_SCOPE", 3),
    ("TIPC_PUBLISHED", 1),
    ("TIPC_SRC_DROPPABLE", 128),
    ("TIPC_SUBSCR_TIMEOUT", 3),
    ("TIPC_SUB_CANCEL", 4),
    ("TIPC_SUB_PORTS", 1),
    ("TIPC_SUB_SERVICE", 2),
    ("TIPC_TOP_SRV", 1),
    ("TIPC_WAIT_FOREVER", -1),
    ("TIPC_WITHDRAWN", 2),
    ("TIPC_ZONE_SCOPE", 1),
    ("UDPLITE_RECV_CSCOV", 11),
    ("UDPLITE_SEND_CSCOV", 10),
    ("VMADDR_CID_ANY", libc::VMADDR_CID_ANY as i64),
    ("VMADDR_CID_HOST", libc::VMADDR_CID_HOST as i64),
    ("VMADDR_PORT_ANY", libc::VMADDR_PORT_ANY as i64),
    ("VM_SOCKETS_INVALID_VERSION", 4294967295),
];
