use std::path::PathBuf;
use std::process::ExitCode;

use gloss::{Document, config::Config, source};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (annotate, file) = match args.as_slice() {
        [cmd, file] if cmd == "annotate" => (true, Some(PathBuf::from(file))),
        [file] => (false, Some(PathBuf::from(file))),
        [] => (false, None),
        _ => {
            eprintln!("usage: gloss [annotate] [FILE|-]");
            return ExitCode::from(2);
        }
    };
    let raw = match file {
        Some(path) => match source::load(&path) {
            Ok(src) => src.text,
            Err(e) => {
                eprintln!("gloss: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => source::SAMPLE.to_string(),
    };
    let config = match Config::load(None) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("gloss: {e}");
            return ExitCode::FAILURE;
        }
    };
    let doc = Document::from_text(&raw, &config.clean);
    let _ = annotate;
    println!("{}", gloss::annotate::to_json(&doc));
    ExitCode::SUCCESS
}
