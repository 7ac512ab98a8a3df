//! WNUT-17 (CoNLL: token TAB label, blank line between tweets): person →
//! PER, location → LOC, corporation and group → ORG; products and creative
//! works → O.

pub fn parse(text: &str) -> Vec<(Vec<String>, Vec<String>)> {
    let mut out = Vec::new();
    let (mut toks, mut labels) = (Vec::new(), Vec::new());
    for line in text.lines().chain(std::iter::once("")) {
        let line = line.trim_end();
        if line.is_empty() {
            if !toks.is_empty() {
                out.push((std::mem::take(&mut toks), std::mem::take(&mut labels)));
            }
            continue;
        }
        let Some((tok, label)) = line.rsplit_once('\t') else {
            continue;
        };
        let mapped = match label.split_once('-') {
            Some((bio, "person")) => format!("{bio}-PER"),
            Some((bio, "location")) => format!("{bio}-LOC"),
            Some((bio, "corporation" | "group")) => format!("{bio}-ORG"),
            _ => "O".to_string(),
        };
        toks.push(tok.to_string());
        labels.push(mapped);
    }
    out
}
