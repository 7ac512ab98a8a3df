//! For development: run one phase of HTML extraction over pages, once each,
//! for an instruction count (`valgrind --tool=callgrind`) or a wall time.
//! `cargo run --release -p gloss-core --example html_phases -- PHASE PAGE.html...`
//! PHASE: `parse` (html5ever), `readability` (parse + dom_smoothie),
//! `from_html` (the whole extraction).
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let phase = args.next().expect("usage: html_phases PHASE PAGE...");
    let opts = gloss_core::article::CleanOptions::default();
    let pages: Vec<String> = args
        .map(|p| std::fs::read_to_string(p).expect("read"))
        .collect();
    let start = Instant::now();
    for html in &pages {
        match phase.as_str() {
            "parse" => {
                black_box(dom_query::Document::from(html.as_str()));
            }
            "readability" => {
                let doc = dom_query::Document::from(html.as_str());
                let mut r = dom_smoothie::Readability::with_document(doc, None, None).unwrap();
                black_box(r.parse().ok().map(|a| a.length));
            }
            "strict" => {
                let doc = dom_query::Document::from(html.as_str());
                let mut r = dom_smoothie::Readability::with_document(doc, None, None).unwrap();
                black_box(
                    r.parse_with_policy(dom_smoothie::ParsePolicy::Strict)
                        .ok()
                        .map(|a| a.length),
                );
            }
            "from_html" => {
                black_box(gloss_core::article::from_html(html, None, &opts));
            }
            other => panic!("unknown phase {other}"),
        }
    }
    eprintln!("{phase}: {} pages in {:?}", pages.len(), start.elapsed());
}
