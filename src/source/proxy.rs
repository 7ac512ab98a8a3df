//! Which proxy a request goes through, from the environment as curl reads it:
//! `http_proxy` for `http://` URLs, `https_proxy` for `https://` ones,
//! `all_proxy` for either when its own is unset (each also in upper case, the
//! lower-case name first; an empty value is unset), and `no_proxy` for the
//! hosts that go direct.
//!
//! ureq reads these variables itself, but takes the first of `ALL_PROXY`,
//! `HTTPS_PROXY`, `HTTP_PROXY` whatever the URL's scheme, and its `NO_PROXY`
//! matches `example.com` only as that exact host; here `example.com` also
//! covers its subdomains (`www.example.com`), as in curl, wget and Python.

use std::net::IpAddr;

/// The proxy settings of an environment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProxyEnv {
    http: Option<String>,
    https: Option<String>,
    all: Option<String>,
    no_proxy: NoProxy,
}

impl ProxyEnv {
    /// The process's environment.
    pub fn from_env() -> ProxyEnv {
        ProxyEnv::from_vars(|name| std::env::var(name).ok())
    }

    /// No proxy at all.
    pub fn none() -> ProxyEnv {
        ProxyEnv::default()
    }

    /// Settings read through `var` (a variable's value, `None` when unset).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> ProxyEnv {
        let read = |name: &str| {
            [name.to_ascii_lowercase(), name.to_ascii_uppercase()]
                .iter()
                .filter_map(|n| var(n))
                .map(|v| v.trim().to_string())
                .find(|v| !v.is_empty())
        };
        ProxyEnv {
            http: read("http_proxy"),
            https: read("https_proxy"),
            all: read("all_proxy"),
            no_proxy: NoProxy::parse(&read("no_proxy").unwrap_or_default()),
        }
    }

    /// The proxy for a request to `url` (as the environment wrote it), `None`
    /// to connect directly.
    pub fn for_url(&self, url: &url::Url) -> Option<&str> {
        let proxy = match url.scheme() {
            "https" => self.https.as_ref(),
            "http" => self.http.as_ref(),
            _ => None,
        }
        .or(self.all.as_ref())?;
        let host = url.host_str()?;
        let port = url.port_or_known_default();
        (!self.no_proxy.matches(host, port)).then_some(proxy.as_str())
    }
}

/// The hosts of `no_proxy`: names separated by commas or spaces. `*` is every
/// host; `example.com` (or `.example.com`, `*.example.com`) is that domain
/// and its subdomains; an IP address is that address, `10.0.0.0/8` or
/// `fd00::/8` a range; `host:port` only that port.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoProxy {
    entries: Vec<Entry>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    host: Pattern,
    port: Option<u16>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Pattern {
    Everything,
    /// Lowercase, without leading or trailing dots.
    Domain(String),
    /// An address and the length of the prefix that must match.
    Network(IpAddr, u8),
}

impl NoProxy {
    pub fn parse(list: &str) -> NoProxy {
        let entries = list
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter_map(Entry::parse)
            .collect();
        NoProxy { entries }
    }

    /// Whether a request to `host` (a name, an IPv4 address or a bracketed
    /// IPv6 address, as in a URL) on `port` goes direct.
    pub fn matches(&self, host: &str, port: Option<u16>) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let ip = bare.parse::<IpAddr>().ok();
        self.entries.iter().any(|entry| {
            entry.port.is_none_or(|p| Some(p) == port)
                && match &entry.host {
                    Pattern::Everything => true,
                    Pattern::Domain(domain) => {
                        host == *domain
                            || host
                                .strip_suffix(domain.as_str())
                                .is_some_and(|rest| rest.ends_with('.'))
                    }
                    Pattern::Network(net, bits) => ip.is_some_and(|ip| in_network(ip, *net, *bits)),
                }
        })
    }
}

impl Entry {
    fn parse(text: &str) -> Option<Entry> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        if text == "*" {
            return Some(Entry {
                host: Pattern::Everything,
                port: None,
            });
        }
        if let Some(network) = parse_network(text) {
            return Some(Entry {
                host: network,
                port: None,
            });
        }
        // `[::1]:8080`, `host:8080`
        let (host, port) = match text.rsplit_once(':') {
            Some((host, port)) if !host.contains(':') || host.ends_with(']') => {
                (host, Some(port.parse::<u16>().ok()?))
            }
            _ => (text, None),
        };
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if let Some(Pattern::Network(ip, bits)) = parse_network(host) {
            return Some(Entry {
                host: Pattern::Network(ip, bits),
                port,
            });
        }
        let domain = host
            .trim_start_matches('*')
            .trim_matches('.')
            .to_ascii_lowercase();
        (!domain.is_empty()).then_some(Entry {
            host: Pattern::Domain(domain),
            port,
        })
    }
}

/// `10.1.2.3`, `::1`, `10.0.0.0/8`, `fd00::/8`.
fn parse_network(text: &str) -> Option<Pattern> {
    let (addr, bits) = match text.split_once('/') {
        Some((addr, bits)) => (addr, Some(bits.parse::<u8>().ok()?)),
        None => (text, None),
    };
    let ip = addr.parse::<IpAddr>().ok()?;
    let max = if ip.is_ipv4() { 32 } else { 128 };
    Some(Pattern::Network(ip, bits.unwrap_or(max).min(max)))
}

fn in_network(ip: IpAddr, net: IpAddr, bits: u8) -> bool {
    let prefix = |a: u128, width: u32| {
        let bits = u32::from(bits);
        if bits == 0 { 0 } else { a >> (width - bits) }
    };
    match (ip, net) {
        (IpAddr::V4(a), IpAddr::V4(b)) => {
            prefix(u32::from(a).into(), 32) == prefix(u32::from(b).into(), 32)
        }
        (IpAddr::V6(a), IpAddr::V6(b)) => prefix(a.into(), 128) == prefix(b.into(), 128),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &[(&str, &str)]) -> ProxyEnv {
        ProxyEnv::from_vars(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        })
    }

    fn proxy_for<'a>(env: &'a ProxyEnv, url: &str) -> Option<&'a str> {
        env.for_url(&url::Url::parse(url).expect("url"))
    }

    #[test]
    fn each_scheme_has_its_own_proxy_and_all_proxy_stands_in() {
        let e = env(&[
            ("HTTP_PROXY", "http://plain:3128"),
            ("https_proxy", "http://secure:3128"),
        ]);
        assert_eq!(
            proxy_for(&e, "http://a.example/"),
            Some("http://plain:3128")
        );
        assert_eq!(
            proxy_for(&e, "https://a.example/"),
            Some("http://secure:3128")
        );
        let e = env(&[("ALL_PROXY", "socks5h://tor:9050"), ("http_proxy", "")]);
        assert_eq!(
            proxy_for(&e, "http://a.example/"),
            Some("socks5h://tor:9050")
        );
        assert_eq!(proxy_for(&ProxyEnv::none(), "http://a.example/"), None);
    }

    #[test]
    fn the_lower_case_variable_wins() {
        let e = env(&[
            ("http_proxy", "http://lower:1"),
            ("HTTP_PROXY", "http://upper:1"),
        ]);
        assert_eq!(proxy_for(&e, "http://a.example/"), Some("http://lower:1"));
    }

    #[test]
    fn no_proxy_takes_a_domain_with_its_subdomains() {
        let list = NoProxy::parse("example.com, .internal *.corp.test");
        assert!(list.matches("example.com", Some(80)));
        assert!(list.matches("www.Example.COM.", Some(443)));
        assert!(!list.matches("notexample.com", Some(80)));
        assert!(list.matches("wiki.internal", None));
        assert!(list.matches("internal", None));
        assert!(list.matches("a.b.corp.test", None));
        assert!(!list.matches("corp.test.evil", None));
    }

    #[test]
    fn no_proxy_star_addresses_ranges_and_ports() {
        assert!(NoProxy::parse("*").matches("anything.example", None));
        let list = NoProxy::parse("127.0.0.1,10.0.0.0/8,::1,fd00::/8,news.example:8080");
        assert!(list.matches("127.0.0.1", Some(80)));
        assert!(!list.matches("127.0.0.2", Some(80)));
        assert!(list.matches("10.200.3.4", None));
        assert!(list.matches("[::1]", None));
        assert!(list.matches("[fd12::5]", None));
        assert!(!list.matches("[fe80::1]", None));
        assert!(list.matches("news.example", Some(8080)));
        assert!(!list.matches("news.example", Some(80)));
        let e = env(&[("https_proxy", "http://p:1"), ("no_proxy", "example.com")]);
        assert_eq!(proxy_for(&e, "https://www.example.com/x"), None);
        assert_eq!(proxy_for(&e, "https://example.org/x"), Some("http://p:1"));
    }
}
