//! GUM CoNLL-U: sentences with UPOS tags and named-entity BIO labels.
//!
//! A mention of type person / organization / place is *named* when its head
//! token (the one whose syntactic head lies outside the mention) is a proper
//! noun: the rule the evaluation's gold files follow. Its entity span is the
//! run of name-like tokens around the head (proper nouns, numbers, capitalised
//! words, and `of`/`and`/`&`/`de`/`-` between them), without a leading
//! determiner and, for people, without the titles before the name
//! ("Professor Cres Eastman" → "Cres Eastman"). Nested named mentions give way
//! to the outermost one.

use gloss::analysis::lexicon;

pub struct Token {
    pub form: String,
    pub upos: String,
    head: usize,
    misc: String,
}

pub struct Sentence {
    pub tokens: Vec<Token>,
}

pub fn parse(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for line in text.lines() {
        if line.is_empty() {
            if !cur.is_empty() {
                out.push(Sentence {
                    tokens: std::mem::take(&mut cur),
                });
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 || !cols[0].chars().all(|c| c.is_ascii_digit()) {
            continue; // multiword tokens (1-2) and empty nodes (1.1)
        }
        cur.push(Token {
            form: cols[1].to_string(),
            upos: cols[3].to_string(),
            head: cols[6].parse().unwrap_or(0),
            misc: cols[9].to_string(),
        });
    }
    if !cur.is_empty() {
        out.push(Sentence { tokens: cur });
    }
    out
}

struct Mention {
    start: usize,
    end: usize, // inclusive
    etype: String,
}

/// Mentions opened and closed in the `Entity=` field of MISC.
fn mentions(s: &Sentence) -> Vec<Mention> {
    let mut open: Vec<(String, usize, String)> = Vec::new(); // (id, start, etype)
    let mut out = Vec::new();
    for (i, t) in s.tokens.iter().enumerate() {
        let Some(ent) = t.misc.split('|').find_map(|f| f.strip_prefix("Entity=")) else {
            continue;
        };
        let b = ent.as_bytes();
        let mut k = 0;
        while k < b.len() {
            if b[k] == b'(' {
                let rest = &ent[k + 1..];
                let stop = rest.find(['(', ')']).unwrap_or(rest.len());
                let spec = &rest[..stop];
                let mut parts = spec.split('-');
                let id = parts.next().unwrap_or("").to_string();
                let etype = parts.next().unwrap_or("").to_string();
                if rest[stop..].starts_with(')') {
                    out.push(Mention {
                        start: i,
                        end: i,
                        etype,
                    });
                    k += 1 + stop + 1;
                } else {
                    open.push((id, i, etype));
                    k += 1 + stop;
                }
            } else if b[k].is_ascii_digit() {
                let rest = &ent[k..];
                let stop = rest.find(')').unwrap_or(rest.len());
                let id = &rest[..stop];
                if let Some(pos) = open.iter().rposition(|(oid, _, _)| oid == id) {
                    let (_, start, etype) = open.remove(pos);
                    out.push(Mention {
                        start,
                        end: i,
                        etype,
                    });
                }
                k += stop + 1;
            } else {
                k += 1;
            }
        }
    }
    out
}

fn head_of(s: &Sentence, m: &Mention) -> usize {
    (m.start..=m.end)
        .find(|&i| {
            let h = s.tokens[i].head;
            h == 0 || h - 1 < m.start || h - 1 > m.end
        })
        .unwrap_or(m.end)
}

fn name_like(t: &Token) -> bool {
    t.upos == "PROPN"
        || (t.form.chars().next().is_some_and(|c| c.is_uppercase())
            && t.upos != "PUNCT"
            && t.upos != "PRON")
        || (t.upos == "NUM" && t.form.chars().all(|c| c.is_ascii_digit()))
}

fn connector(t: &Token) -> bool {
    matches!(
        t.form.as_str(),
        "of" | "and"
            | "&"
            | "de"
            | "du"
            | "la"
            | "der"
            | "von"
            | "van"
            | "-"
            | "for"
            | "the"
            | "on"
    )
}

fn span(s: &Sentence, m: &Mention, head: usize) -> Option<(usize, usize)> {
    let toks = &s.tokens;
    if !name_like(&toks[head]) {
        return None;
    }
    let (mut a, mut b) = (head, head);
    while a > m.start {
        if name_like(&toks[a - 1]) {
            a -= 1;
        } else if a >= m.start + 2 && connector(&toks[a - 1]) && name_like(&toks[a - 2]) {
            a -= 2;
        } else {
            break;
        }
    }
    while b < m.end {
        if name_like(&toks[b + 1]) {
            b += 1;
        } else if b + 2 <= m.end && connector(&toks[b + 1]) && name_like(&toks[b + 2]) {
            b += 2;
        } else {
            break;
        }
    }
    while a < b && matches!(toks[a].upos.as_str(), "DET" | "PUNCT") {
        a += 1;
    }
    if m.etype == "person" {
        let lx = lexicon::get();
        // drop titles before the name: "US President Donald Trump" -> "Donald Trump"
        if let Some(last_title) = (a..head).rev().find(|&i| lx.title(&toks[i].form).is_some()) {
            a = last_title + 1;
        }
    }
    Some((a, b))
}

/// BIO labels (`B-PER`, `I-LOC`, `O`) for a sentence.
pub fn ner_labels(s: &Sentence) -> Vec<String> {
    let mut spans: Vec<(usize, usize, &str)> = mentions(s)
        .iter()
        .filter_map(|m| {
            let ty = match m.etype.as_str() {
                "person" => "PER",
                "organization" => "ORG",
                "place" => "LOC",
                _ => return None,
            };
            let head = head_of(s, m);
            if s.tokens[head].upos != "PROPN" {
                return None;
            }
            span(s, m, head).map(|(a, b)| (a, b, ty))
        })
        .collect();
    spans.sort_by_key(|&(a, b, _)| (a, usize::MAX - b));
    let mut labels = vec!["O".to_string(); s.tokens.len()];
    let mut taken = vec![false; s.tokens.len()];
    for (a, b, ty) in spans {
        if (a..=b).any(|i| taken[i]) {
            continue;
        }
        for i in a..=b {
            taken[i] = true;
            labels[i] = format!("{}-{ty}", if i == a { "B" } else { "I" });
        }
    }
    labels
}
