//! A small web server and a CONNECT proxy on 127.0.0.1, started inside the
//! tests: each path answers as the test says (status, headers, body, a delay
//! before the answer, or a body that never ends), and the server records
//! every request and every client that hung up before it was done.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the server answers to one request.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait this long before answering (or until the client hangs up).
    pub delay: Duration,
    /// Leave out `Content-Length`: the body ends when the connection closes.
    pub no_length: bool,
    /// After `body`, send bytes until the client hangs up.
    pub endless: bool,
}

impl Reply {
    /// 200 with this media type (and charset, if the caller wrote one).
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply::status(200)
            .header("Content-Type", content_type)
            .body(body)
    }

    /// A status and a short text body.
    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: format!("status {status}\n").into_bytes(),
            delay: Duration::ZERO,
            no_length: false,
            endless: false,
        }
    }

    /// A redirect to `location` (relative or absolute).
    pub fn redirect(status: u16, location: &str) -> Reply {
        Reply::status(status).header("Location", location)
    }

    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Reply {
        self.body = body.into();
        self
    }

    pub fn delay(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }

    /// The body gzip-compressed, with `Content-Encoding: gzip`.
    pub fn gzip(mut self) -> Reply {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(&self.body).expect("gzip");
        self.body = encoder.finish().expect("gzip");
        self.header("Content-Encoding", "gzip")
    }

    pub fn without_length(mut self) -> Reply {
        self.no_length = true;
        self
    }

    pub fn endless(mut self) -> Reply {
        self.endless = true;
        self.no_length = true;
        self
    }
}

/// A request as the server read it.
#[derive(Clone, Debug)]
pub struct Request {
    pub method: String,
    pub target: String,
    /// Names lowercase.
    pub headers: Vec<(String, String)>,
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Default)]
struct Log {
    requests: Vec<Request>,
    /// Clients that closed the connection before the answer was complete.
    hangups: usize,
}

/// The web server; it runs until the test process ends.
pub struct Server {
    addr: SocketAddr,
    log: Arc<Mutex<Log>>,
}

type Route = dyn Fn(&str) -> Reply + Send + Sync;

impl Server {
    /// A server answering each request target (`/path?query`) with `route`.
    pub fn start(route: impl Fn(&str) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("address");
        let log = Arc::new(Mutex::new(Log::default()));
        let route: Arc<Route> = Arc::new(route);
        let server_log = log.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (route, log) = (route.clone(), server_log.clone());
                std::thread::spawn(move || serve(stream, &*route, &log));
            }
        });
        Server { addr, log }
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// `http://127.0.0.1:PORT/path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn requests(&self) -> Vec<Request> {
        self.log.lock().expect("log").requests.clone()
    }

    pub fn hangups(&self) -> usize {
        self.log.lock().expect("log").hangups
    }
}

fn serve(mut stream: TcpStream, route: &Route, log: &Mutex<Log>) {
    let Some(head) = read_head(&mut stream) else {
        return;
    };
    // not HTTP (a TLS ClientHello, say): what a plain web server answers
    if !head.first().is_some_and(u8::is_ascii_uppercase) {
        let _ = stream.write_all(
            b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        );
        return;
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    let mut lines = text.split("\r\n");
    let mut first = lines.next().unwrap_or("").split(' ');
    let request = Request {
        method: first.next().unwrap_or("").to_string(),
        target: first.next().unwrap_or("").to_string(),
        headers: lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect(),
    };
    let reply = route(&request.target);
    log.lock().expect("log").requests.push(request);
    if !reply.delay.is_zero() && hung_up_within(&mut stream, reply.delay) {
        log.lock().expect("log").hangups += 1;
        return;
    }
    let mut out = format!("HTTP/1.1 {} {}\r\n", reply.status, reason(reply.status));
    for (name, value) in &reply.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    if !reply.no_length {
        out.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    out.push_str("Connection: close\r\n\r\n");
    let mut sent = stream
        .write_all(out.as_bytes())
        .and_then(|()| stream.write_all(&reply.body));
    while reply.endless && sent.is_ok() {
        sent = stream.write_all(&[b'x'; 16 * 1024]);
    }
    if sent.is_err() {
        log.lock().expect("log").hangups += 1;
    }
    let _ = stream.shutdown(Shutdown::Write);
}

/// The request line and headers (without the blank line); `None` if the
/// client went away first.
fn read_head(stream: &mut TcpStream) -> Option<Vec<u8>> {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    loop {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        head.extend_from_slice(&buf[..n]);
        if let Some(end) = head.windows(4).position(|w| w == b"\r\n\r\n") {
            head.truncate(end);
            return Some(head);
        }
        if !head[0].is_ascii_uppercase() || head.len() > 64 * 1024 {
            return Some(head);
        }
    }
}

/// Wait `delay`; true if the client closed the connection meanwhile.
fn hung_up_within(stream: &mut TcpStream, delay: Duration) -> bool {
    let end = Instant::now() + delay;
    let mut buf = [0u8; 512];
    loop {
        let left = end.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        if stream.set_read_timeout(Some(left)).is_err() {
            return true;
        }
        match stream.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(_) => return true,
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Whatever",
    }
}

/// A port on 127.0.0.1 that nothing listens on (it was free a moment ago).
pub fn refused_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address").port()
}

/// An HTTP proxy that takes `CONNECT host:port` and relays the bytes; it
/// records each target.
pub struct ConnectProxy {
    addr: SocketAddr,
    targets: Arc<Mutex<Vec<String>>>,
}

impl ConnectProxy {
    pub fn start() -> ConnectProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("address");
        let targets = Arc::new(Mutex::new(Vec::new()));
        let log = targets.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let log = log.clone();
                std::thread::spawn(move || relay(stream, &log));
            }
        });
        ConnectProxy { addr, targets }
    }

    /// `http://127.0.0.1:PORT`, as http_proxy takes it.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The `host:port` of every CONNECT so far.
    pub fn targets(&self) -> Vec<String> {
        self.targets.lock().expect("log").clone()
    }
}

fn relay(mut client: TcpStream, log: &Mutex<Vec<String>>) {
    let Some(head) = read_head(&mut client) else {
        return;
    };
    let text = String::from_utf8_lossy(&head).into_owned();
    let mut first = text.split("\r\n").next().unwrap_or("").split(' ');
    let (method, target) = (first.next().unwrap_or(""), first.next().unwrap_or(""));
    if method != "CONNECT" {
        let _ = client.write_all(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n");
        return;
    }
    log.lock().expect("log").push(target.to_string());
    let Ok(server) = TcpStream::connect(target) else {
        let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
        return;
    };
    if client
        .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
        .is_err()
    {
        return;
    }
    let _ = client.set_read_timeout(None);
    let (Ok(mut client_in), Ok(mut server_out)) = (client.try_clone(), server.try_clone()) else {
        return;
    };
    let upstream = std::thread::spawn(move || {
        let _ = std::io::copy(&mut client_in, &mut server_out);
        let _ = server_out.shutdown(Shutdown::Write);
    });
    let (mut server_in, mut client_out) = (server, client);
    let _ = std::io::copy(&mut server_in, &mut client_out);
    let _ = client_out.shutdown(Shutdown::Write);
    let _ = upstream.join();
}
