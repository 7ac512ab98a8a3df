//! For development: how the analysis voted on each name of an article.
//! `cargo run --release --example explain_names -- ARTICLE`

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: explain_names ARTICLE");
        std::process::exit(2);
    };
    let raw = match std::fs::read_to_string(&path) {
        Ok(raw) => raw,
        Err(e) => {
            eprintln!("explain_names: {path}: {e}");
            std::process::exit(1);
        }
    };
    let article = gloss::article::clean(&raw, &gloss::article::CleanOptions::default());
    let doc = gloss::analysis::doc::Doc::new(&article);
    print!(
        "{}",
        gloss::analysis::names::explain(&doc, gloss::analysis::lexicon::get())
    );
}
