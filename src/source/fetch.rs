//! Fetching a web page: ureq 3 (rustls with the webpki roots, gzip),
//! blocking, on the caller's thread ([`fetch`]) or on a thread of its own
//! that the caller may stop waiting for ([`spawn`], [`Fetching::cancel`]).
//!
//! Redirects are followed here rather than by ureq, one request per hop, so
//! that each hop gets the proxy its scheme and host call for
//! ([`ProxyEnv`]), a loop is told from a long chain, and the page's final
//! URL is known. Every failure is a [`LoadError`] whose message is one line
//! naming the URL and the cause.

use std::io::Read;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use serde::{Deserialize, Deserializer};
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{DefaultConnector, NextTimeout};
use ureq::{Agent, Proxy};

use super::decode::{self, Hints};
use super::proxy::ProxyEnv;
use super::{LoadError, Origin, SourceText, io_reason};

/// What gloss asks for: pages first, then text.
const ACCEPT: &str = "text/html,application/xhtml+xml,text/plain;q=0.9,text/*;q=0.8,*/*;q=0.1";

/// Bytes read from the body at a time (between two looks at cancellation).
const CHUNK: usize = 64 * 1024;

/// `[fetch]` in `config.toml`: timeouts and limits of a fetch.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FetchOptions {
    /// Connecting to the server or the proxy, TLS handshake included.
    pub connect_timeout: Seconds,
    /// The whole fetch: every hop, the whole body.
    pub timeout: Seconds,
    /// Redirects followed; one more is an error.
    pub max_redirects: u32,
    /// The largest body read (decompressed).
    pub max_bytes: u64,
    /// The `User-Agent` header; empty for [`default_user_agent`].
    pub user_agent: String,
}

impl Default for FetchOptions {
    /// `[fetch]` of the built-in config.toml.
    fn default() -> Self {
        let parsed = crate::article::clean::default_table("fetch").try_into::<FetchOptions>();
        parsed.unwrap_or_else(|e| panic!("built-in config.toml [fetch]: {e}"))
    }
}

impl FetchOptions {
    fn user_agent(&self) -> String {
        match self.user_agent.trim() {
            "" => default_user_agent(),
            given => given.to_string(),
        }
    }
}

/// `gloss/VERSION`, with the project's address (`(+URL)`) when Cargo.toml
/// names a repository or a homepage.
pub fn default_user_agent() -> String {
    let version = env!("CARGO_PKG_VERSION");
    let address = [env!("CARGO_PKG_REPOSITORY"), env!("CARGO_PKG_HOMEPAGE")]
        .into_iter()
        .find(|a| !a.is_empty());
    match address {
        Some(address) => format!("gloss/{version} (+{address})"),
        None => format!("gloss/{version}"),
    }
}

/// A length of time in the configuration: a number of seconds above 0 (at
/// most a day).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Seconds(Duration);

impl Seconds {
    pub fn new(duration: Duration) -> Seconds {
        Seconds(duration)
    }

    pub fn duration(self) -> Duration {
        self.0
    }
}

impl<'de> Deserialize<'de> for Seconds {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let seconds = f64::deserialize(d)?;
        if seconds.is_finite() && seconds > 0.0 && seconds <= 86_400.0 {
            Ok(Seconds(Duration::from_secs_f64(seconds)))
        } else {
            Err(serde::de::Error::custom(format!(
                "expected a number of seconds above 0 and at most 86400, found {seconds}"
            )))
        }
    }
}

/// Fetch `url` with the proxy settings of the environment.
pub fn fetch(url: &str, opts: &FetchOptions) -> Result<SourceText, LoadError> {
    Client::new(opts).fetch(url)
}

/// Fetch `url` on a thread of its own.
pub fn spawn(url: &str, opts: &FetchOptions) -> Fetching {
    Client::new(opts).spawn(url)
}

/// Looks a host name up: its addresses, or why there are none.
pub type Lookup = dyn Fn(&str, u16) -> std::io::Result<Vec<SocketAddr>> + Send + Sync;

/// Fetches pages with one set of options, proxies and name resolution.
#[derive(Clone)]
pub struct Client {
    opts: FetchOptions,
    proxies: ProxyEnv,
    lookup: Option<Arc<Lookup>>,
}

impl Client {
    /// A client with the environment's proxies and the system's resolver.
    pub fn new(opts: &FetchOptions) -> Client {
        Client {
            opts: opts.clone(),
            proxies: ProxyEnv::from_env(),
            lookup: None,
        }
    }

    /// The same client with these proxy settings instead.
    pub fn with_proxies(mut self, proxies: ProxyEnv) -> Client {
        self.proxies = proxies;
        self
    }

    /// The same client looking host names up with `lookup` instead of the
    /// system's resolver (a test makes DNS fail with it).
    pub fn with_lookup(
        mut self,
        lookup: impl Fn(&str, u16) -> std::io::Result<Vec<SocketAddr>> + Send + Sync + 'static,
    ) -> Client {
        self.lookup = Some(Arc::new(lookup));
        self
    }

    /// Fetch `url` and decode it.
    pub fn fetch(&self, url: &str) -> Result<SourceText, LoadError> {
        self.run(url, &Session::default())
    }

    /// Fetch `url` on a thread of its own.
    pub fn spawn(&self, url: &str) -> Fetching {
        let (tx, rx) = mpsc::sync_channel(1);
        let session = Arc::new(Session::default());
        let client = self.clone();
        let (thread_url, thread_session) = (url.to_string(), session.clone());
        // a thread that cannot start drops `tx`: `Fetching` reports it
        let _ = std::thread::Builder::new()
            .name("gloss-fetch".into())
            .spawn(move || {
                let result = client.run(&thread_url, &thread_session);
                let _ = tx.send(result);
            });
        Fetching {
            url: url.to_string(),
            rx,
            session,
        }
    }

    fn run(&self, input: &str, session: &Session) -> Result<SourceText, LoadError> {
        let origin = Origin::Url(input.to_string());
        let mut url = parse_url(input).map_err(|reason| LoadError::BadUrl {
            origin: origin.clone(),
            reason,
        })?;
        let deadline = Instant::now() + self.opts.timeout.duration();
        let mut visited = vec![url.clone()];
        let mut agent: Option<(Option<String>, Agent)> = None;
        loop {
            let proxy = self.proxies.for_url(&url).map(str::to_string);
            let hop = Hop {
                origin: &origin,
                url: &url,
                proxy: proxy.as_deref(),
                opts: &self.opts,
            };
            let current = match &agent {
                Some((for_proxy, agent)) if *for_proxy == proxy => agent.clone(),
                _ => {
                    let made = self.agent(&hop, session)?;
                    agent = Some((proxy.clone(), made.clone()));
                    made
                }
            };
            let remaining = deadline.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                return Err(hop.timed_out(ureq::Timeout::Global));
            }
            let response = current
                .get(url.as_str())
                .config()
                .timeout_global(Some(remaining))
                .build()
                .call()
                .map_err(|e| hop.error(e))?;
            let status = response.status();
            let location = response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok());
            if status.is_redirection()
                && let Some(location) = location
            {
                let next = redirect_target(&url, location).map_err(|reason| LoadError::BadUrl {
                    origin: origin.clone(),
                    reason,
                })?;
                if visited.contains(&next) {
                    return Err(LoadError::RedirectLoop {
                        origin,
                        to: next.to_string(),
                    });
                }
                if visited.len() > self.opts.max_redirects as usize {
                    return Err(LoadError::TooManyRedirects {
                        origin,
                        limit: self.opts.max_redirects,
                    });
                }
                visited.push(next.clone());
                url = next;
                continue;
            }
            if !status.is_success() {
                return Err(LoadError::HttpStatus {
                    origin,
                    status: status.as_u16(),
                    reason: status.canonical_reason().unwrap_or("").to_string(),
                    at: (visited.len() > 1).then(|| url.to_string()),
                });
            }
            return hop.read(response, session);
        }
    }

    /// An agent for one proxy (or none), registered with the session so that
    /// cancelling shuts its connections.
    fn agent(&self, hop: &Hop, session: &Session) -> Result<Agent, LoadError> {
        let proxy = match hop.proxy {
            Some(proxy) => Some(Proxy::new(proxy).map_err(|_| LoadError::Network {
                origin: hop.origin.clone(),
                reason: format!("the proxy {proxy:?} in the environment is not a valid URL"),
            })?),
            None => None,
        };
        let config = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .max_redirects_will_error(false)
            .proxy(proxy)
            .timeout_connect(Some(self.opts.connect_timeout.duration()))
            .user_agent(self.opts.user_agent())
            .accept(ACCEPT)
            .build();
        let resolver = NameResolver {
            lookup: self.lookup.clone(),
        };
        let agent = Agent::with_parts(config, DefaultConnector::default(), resolver);
        session
            .register(&agent)
            .map_err(|()| LoadError::Cancelled {
                origin: hop.origin.clone(),
            })?;
        Ok(agent)
    }
}

/// A page being fetched on a thread of its own ([`spawn`]).
///
/// Poll it with [`Fetching::try_take`] (from an event loop), or block with
/// [`Fetching::wait`]. [`Fetching::cancel`] (or dropping it) closes the
/// connection so that the thread ends soon; whatever it finds is dropped.
pub struct Fetching {
    url: String,
    rx: mpsc::Receiver<Result<SourceText, LoadError>>,
    session: Arc<Session>,
}

impl Fetching {
    /// The URL as given.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The page or the error once the fetch has ended; `None` while it runs.
    pub fn try_take(&self) -> Option<Result<SourceText, LoadError>> {
        match self.rx.try_recv() {
            Ok(result) => Some(result),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(Err(self.stopped())),
        }
    }

    /// Wait at most `timeout` for the end of the fetch.
    pub fn wait_timeout(&self, timeout: Duration) -> Option<Result<SourceText, LoadError>> {
        match self.rx.recv_timeout(timeout) {
            Ok(result) => Some(result),
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            Err(mpsc::RecvTimeoutError::Disconnected) => Some(Err(self.stopped())),
        }
    }

    /// Wait for the end of the fetch.
    pub fn wait(self) -> Result<SourceText, LoadError> {
        self.rx.recv().unwrap_or_else(|_| Err(self.stopped()))
    }

    /// Stop waiting: the connection is closed and the result dropped.
    pub fn cancel(self) {
        // Drop does it
    }

    fn stopped(&self) -> LoadError {
        LoadError::Network {
            origin: Origin::Url(self.url.clone()),
            reason: "the fetch stopped without an answer".into(),
        }
    }
}

impl Drop for Fetching {
    fn drop(&mut self) {
        self.session.cancel();
    }
}

/// One fetch's agents, and whether it was cancelled.
#[derive(Default)]
struct Session {
    cancelled: AtomicBool,
    agents: Mutex<Vec<Agent>>,
}

impl Session {
    /// Keep `agent` to shut it down on cancel; an error if already cancelled.
    fn register(&self, agent: &Agent) -> Result<(), ()> {
        let mut agents = self.agents.lock().unwrap_or_else(|e| e.into_inner());
        if self.is_cancelled() {
            return Err(());
        }
        agents.push(agent.clone());
        Ok(())
    }

    fn cancel(&self) {
        self.cancelled.store(true, Ordering::SeqCst);
        let agents = std::mem::take(&mut *self.agents.lock().unwrap_or_else(|e| e.into_inner()));
        for agent in agents {
            agent.shutdown();
        }
    }

    fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::SeqCst)
    }
}

/// One request of a fetch: what its errors name.
struct Hop<'a> {
    origin: &'a Origin,
    url: &'a url::Url,
    proxy: Option<&'a str>,
    opts: &'a FetchOptions,
}

impl Hop<'_> {
    /// Read and decode a successful response.
    fn read(
        &self,
        response: ureq::http::Response<ureq::Body>,
        session: &Session,
    ) -> Result<SourceText, LoadError> {
        let origin = || self.origin.clone();
        let body = response.into_body();
        let media_type = body.mime_type().map(str::to_ascii_lowercase);
        let charset = body.charset().map(str::to_string);
        let kind = media_type.as_deref().map_or(Kind::Unknown, Kind::of);
        if let (Kind::Other, Some(media_type)) = (kind, &media_type) {
            return Err(LoadError::NotText {
                origin: origin(),
                media_type: media_type.clone(),
            });
        }
        let limit = self.opts.max_bytes;
        if body.content_length().is_some_and(|len| len > limit) {
            return Err(LoadError::BodyTooLarge {
                origin: origin(),
                limit,
            });
        }
        let mut reader = body.into_reader();
        let mut bytes = Vec::new();
        let mut chunk = vec![0; CHUNK];
        let mut sniffed = kind != Kind::Unknown;
        loop {
            if session.is_cancelled() {
                return Err(LoadError::Cancelled { origin: origin() });
            }
            let n = match reader.read(&mut chunk) {
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(self.error(ureq::Error::from(e))),
            };
            bytes.extend_from_slice(&chunk[..n]);
            if bytes.len() as u64 > limit {
                return Err(LoadError::BodyTooLarge {
                    origin: origin(),
                    limit,
                });
            }
            // without a media type, binary data is refused from its start
            if !sniffed && (n == 0 || bytes.len() >= decode::SNIFF_BYTES) {
                sniffed = true;
                let head = &bytes[..bytes.len().min(decode::SNIFF_BYTES)];
                if let Some(reason) = decode::binary_prefix(head) {
                    return Err(LoadError::Binary {
                        origin: origin(),
                        reason,
                    });
                }
            }
            if n == 0 {
                break;
            }
        }
        let html = match kind {
            Kind::Html => true,
            Kind::Unknown => super::looks_like_html(&bytes),
            Kind::Text | Kind::Other => false,
        };
        let hints = Hints {
            charset: charset.as_deref(),
            html,
        };
        let mut source = super::from_bytes_with(&bytes, origin(), hints)?;
        source.url = Some(self.url.to_string());
        source.content_type = media_type;
        Ok(source)
    }

    /// The [`LoadError`] for what ureq reports.
    fn error(&self, e: ureq::Error) -> LoadError {
        let origin = self.origin.clone();
        match e {
            ureq::Error::Other(inner) => match inner.downcast::<DnsFailure>() {
                Ok(dns) => LoadError::HostNotFound {
                    origin,
                    host: dns.host,
                    reason: dns.reason,
                },
                Err(other) => LoadError::Network {
                    origin,
                    reason: other.to_string(),
                },
            },
            ureq::Error::Timeout(which) => self.timed_out(which),
            ureq::Error::Io(io) => self.io_error(&io),
            ureq::Error::Rustls(tls) => LoadError::Tls {
                origin,
                reason: tls.to_string(),
            },
            ureq::Error::Tls(reason) => LoadError::Tls {
                origin,
                reason: reason.to_string(),
            },
            ureq::Error::Pem(pem) => LoadError::Tls {
                origin,
                reason: format!("{pem:?}"),
            },
            ureq::Error::BadUri(reason) => LoadError::BadUrl { origin, reason },
            ureq::Error::ConnectProxyFailed(reason) => LoadError::Network {
                origin,
                reason: format!("the proxy {} failed: {reason}", self.proxy.unwrap_or("")),
            },
            ureq::Error::Protocol(e) => LoadError::Network {
                origin,
                reason: format!("not an HTTP answer ({e})"),
            },
            ureq::Error::Decompress(what, e) => LoadError::Network {
                origin,
                reason: format!("{what} data that does not decompress ({})", io_reason(&e)),
            },
            other => LoadError::Network {
                origin,
                reason: other.to_string(),
            },
        }
    }

    fn io_error(&self, io: &std::io::Error) -> LoadError {
        use std::io::ErrorKind;
        let origin = self.origin.clone();
        if let Some(tls) = io.get_ref().and_then(|e| e.downcast_ref::<rustls::Error>()) {
            return LoadError::Tls {
                origin,
                reason: tls.to_string(),
            };
        }
        match io.kind() {
            ErrorKind::ConnectionRefused => LoadError::ConnectionRefused {
                origin,
                server: self.server(),
            },
            ErrorKind::TimedOut | ErrorKind::WouldBlock => self.timed_out(ureq::Timeout::Global),
            ErrorKind::UnexpectedEof
            | ErrorKind::ConnectionReset
            | ErrorKind::ConnectionAborted => LoadError::Network {
                origin,
                reason: format!("{} closed the connection", self.server()),
            },
            _ => LoadError::Network {
                origin,
                reason: io_reason(io),
            },
        }
    }

    fn timed_out(&self, which: ureq::Timeout) -> LoadError {
        let (during, option, limit) = match which {
            ureq::Timeout::Resolve | ureq::Timeout::Connect => {
                ("connecting", "connect-timeout", self.opts.connect_timeout)
            }
            _ => ("", "timeout", self.opts.timeout),
        };
        LoadError::Timeout {
            origin: self.origin.clone(),
            during,
            seconds: limit.duration().as_secs_f64(),
            option,
        }
    }

    /// The server connected to: the proxy, or the URL's host and port.
    fn server(&self) -> String {
        if let Some(proxy) = self.proxy {
            return format!("the proxy {proxy}");
        }
        let host = self.url.host_str().unwrap_or("");
        match self.url.port_or_known_default() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_string(),
        }
    }
}

/// What a response's media type says of its body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Html,
    Text,
    /// No media type, or one that says nothing (`application/octet-stream`):
    /// the bytes tell.
    Unknown,
    /// An image, a PDF, ...: not read.
    Other,
}

impl Kind {
    fn of(media_type: &str) -> Kind {
        match media_type {
            "text/html" | "application/xhtml+xml" => Kind::Html,
            "application/octet-stream" | "" => Kind::Unknown,
            t if t.starts_with("text/") => Kind::Text,
            "application/xml" => Kind::Text,
            // a JSON Feed (`gloss URL` tells a feed from a page)
            "application/feed+json" | "application/json" => Kind::Text,
            t if t.starts_with("application/") && t.ends_with("+xml") => Kind::Text,
            _ => Kind::Other,
        }
    }
}

/// A URL gloss fetches: `http` or `https` with a host; the fragment is not sent.
fn parse_url(input: &str) -> Result<url::Url, String> {
    let mut url = url::Url::parse(input.trim()).map_err(|e| e.to_string())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("{} is not a web address", url.scheme()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("no host".into());
    }
    url.set_fragment(None);
    Ok(url)
}

/// Where a redirect's `Location` leads, relative to the URL that gave it.
fn redirect_target(from: &url::Url, location: &str) -> Result<url::Url, String> {
    let to = from
        .join(location.trim())
        .map_err(|e| format!("redirected to {location:?}: {e}"))?;
    parse_url(to.as_str()).map_err(|reason| format!("redirected to {to}: {reason}"))
}

/// A failed name look-up, carried through ureq to [`Hop::error`].
#[derive(Debug)]
struct DnsFailure {
    host: String,
    reason: String,
}

impl std::fmt::Display for DnsFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.host, self.reason)
    }
}

impl std::error::Error for DnsFailure {}

/// ureq's resolver (or the client's own [`Lookup`]), with its failures told
/// apart from the other errors of a connection.
struct NameResolver {
    lookup: Option<Arc<Lookup>>,
}

impl std::fmt::Debug for NameResolver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NameResolver")
            .field("custom", &self.lookup.is_some())
            .finish()
    }
}

impl Resolver for NameResolver {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let host = uri.host().unwrap_or_default().to_string();
        let result = match &self.lookup {
            None => DefaultResolver::default().resolve(uri, config, timeout),
            Some(lookup) => {
                let port = uri.port_u16().unwrap_or(match uri.scheme_str() {
                    Some("https") => 443,
                    _ => 80,
                });
                lookup(&host, port)
                    .map_err(ureq::Error::Io)
                    .and_then(|found| {
                        let mut addrs = self.empty();
                        for addr in found {
                            if addrs.try_push(addr).is_err() {
                                break;
                            }
                        }
                        if addrs.is_empty() {
                            Err(ureq::Error::HostNotFound)
                        } else {
                            Ok(addrs)
                        }
                    })
            }
        };
        result.map_err(|e| match e {
            ureq::Error::Timeout(_) | ureq::Error::BadUri(_) => e,
            ureq::Error::Io(io) => {
                let reason = io_reason(&io);
                let reason = reason
                    .strip_prefix("failed to lookup address information: ")
                    .unwrap_or(&reason)
                    .to_string();
                ureq::Error::Other(Box::new(DnsFailure { host, reason }))
            }
            other => ureq::Error::Other(Box::new(DnsFailure {
                host,
                reason: other.to_string(),
            })),
        })
    }
}
