//! `gloss export` and `gloss import`, the real binary run as a user would:
//! every run has its own empty config and data directories; notes are made
//! beforehand through the library, in the data directory the binary uses.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use gloss::Document;
use gloss::article_id::ArticleId;
use gloss::config::Config;
use gloss::notes::{Notebook, Store, SystemClock};
use gloss::span::Span;

use crate::sandbox::{Sandbox, ok, one_line_error, stderr, stdout};

const FERRY: &str = "Harbour towns vote to share one ferry service\n\n\
    Mayor Elena Alvarez said on Tuesday that the three harbour towns had agreed to run \
    one ferry service. \"We will sail as one fleet from the spring,\" Alvarez said.\n\n\
    Councillor Mira Okafor warned that fares could rise.\n";
const LIBRARY: &str = "Library extends opening hours\n\n\
    The city library will open on Sundays from May, the council said on Monday.\n";

/// What the notes tests add to the sandbox.
impl Sandbox {
    /// An article file in the working directory.
    fn article(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path("work").join(name);
        std::fs::write(&path, text).expect("write article");
        path
    }

    /// The notes store gloss uses with this data directory.
    fn store(&self) -> Store {
        Store::new(self.path("data").join("gloss").join("notes"))
    }

    /// Add a note on the first occurrence of `quote` in the article at `path`.
    fn annotate(&self, path: &Path, quote: &str, body: &str) {
        let text = std::fs::read_to_string(path).expect("article");
        let doc = Document::from_text(&text, &Config::defaults().clean);
        let id = ArticleId::for_path(path);
        let (mut notebook, _) =
            Notebook::open(self.store(), id, &doc.article, Arc::new(SystemClock)).expect("notes");
        let start = doc.article.text.find(quote).expect("quote in the text");
        notebook
            .add(Span::new(start, start + quote.len()), body, None)
            .expect("note saved");
    }
}

#[test]
fn export_prints_the_markdown_of_an_annotated_article() {
    let sb = Sandbox::new();
    let ferry = sb.article("ferry.txt", FERRY);
    sb.annotate(&ferry, "fares could rise", "Who pays? #fares");
    let out = sb.run(&["export", "ferry.txt"]);
    ok(&out);
    let md = stdout(&out);
    assert!(md.starts_with("---\ntitle: \"Harbour towns vote to share one ferry service\"\n"));
    assert!(
        md.contains("> fares could rise\n\nWho pays? #fares\n"),
        "{md}"
    );
    assert!(md.contains("tags:\n  - \"fares\""), "{md}");
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn export_as_json_gives_web_annotations_pointing_at_the_file() {
    let sb = Sandbox::new();
    let ferry = sb.article("ferry.txt", FERRY);
    sb.annotate(&ferry, "one fleet", "");
    let out = sb.run(&["export", "ferry.txt", "--format", "json"]);
    ok(&out);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let annotations = json.as_array().expect("an array");
    assert_eq!(annotations.len(), 1);
    let a = &annotations[0];
    assert_eq!(a["type"], "Annotation");
    let source = a["target"]["source"].as_str().unwrap();
    assert!(
        source.starts_with("file:///") && source.ends_with("/work/ferry.txt"),
        "{source}"
    );
}

#[test]
fn export_to_a_file_never_replaces_a_different_one_without_force() {
    let sb = Sandbox::new();
    let ferry = sb.article("ferry.txt", FERRY);
    sb.annotate(&ferry, "one fleet", "First");
    let out = sb.run(&["export", "ferry.txt", "-o", "ferry.md"]);
    ok(&out);
    let file = sb.path("work/ferry.md");
    assert!(stderr(&out).starts_with("wrote "), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
    assert!(std::fs::read_to_string(&file).unwrap().contains("First"));
    let out = sb.run(&["export", "ferry.txt", "-o", "ferry.md"]);
    ok(&out);
    assert!(stderr(&out).contains("is up to date"));

    // gloss's own export, unchanged since: refreshed (as `x` does)
    sb.annotate(&ferry, "fares could rise", "Second");
    let out = sb.run(&["export", "ferry.txt", "-o", "ferry.md"]);
    ok(&out);
    assert!(stderr(&out).starts_with("replaced "));
    assert!(std::fs::read_to_string(&file).unwrap().contains("Second"));

    // a file the user changed is theirs
    let mine = format!(
        "{}\nMy own thoughts.\n",
        std::fs::read_to_string(&file).unwrap()
    );
    std::fs::write(&file, &mine).unwrap();
    sb.annotate(&ferry, "Councillor Mira Okafor", "Third");
    let err = one_line_error(&sb.run(&["export", "ferry.txt", "-o", "ferry.md"]));
    assert!(err.contains("exists and differs; use --force"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), mine);
    let out = sb.run(&["export", "ferry.txt", "-o", "ferry.md", "--force"]);
    ok(&out);
    assert!(stderr(&out).starts_with("replaced "));
    assert!(std::fs::read_to_string(&file).unwrap().contains("Third"));
}

#[test]
fn export_all_writes_one_file_per_annotated_article() {
    let sb = Sandbox::new();
    let ferry = sb.article("ferry.txt", FERRY);
    let library = sb.article("library.txt", LIBRARY);
    sb.article("unread.txt", LIBRARY);
    sb.annotate(&ferry, "one fleet", "Ferries");
    sb.annotate(&library, "on Sundays", "Finally");
    let out = sb.run(&["export", "--all", "-o", "exports"]);
    ok(&out);
    let mut names: Vec<String> = std::fs::read_dir(sb.path("work/exports"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names[0].starts_with("Harbour towns vote") && names[0].ends_with(".md"));
    assert!(names[1].starts_with("Library extends opening hours"));
    assert_eq!(stderr(&out).lines().count(), 2);
}

#[test]
fn import_reads_an_export_back_onto_its_article() {
    let a = Sandbox::new();
    let ferry = a.article("ferry.txt", FERRY);
    a.annotate(&ferry, "fares could rise", "Who pays? #fares");
    let json = a.path("work/notes.json");
    ok(&a.run(&[
        "export",
        "ferry.txt",
        "--format",
        "json",
        "-o",
        "notes.json",
    ]));

    // Another user (empty data directory) imports the file and exports Markdown.
    let b = Sandbox::new();
    let out = b.run(&["import", json.to_str().unwrap()]);
    ok(&out);
    assert_eq!(stderr(&out), "imported 1 annotation onto 1 article\n");
    let out = b.run(&["export", ferry.to_str().unwrap()]);
    ok(&out);
    assert!(stdout(&out).contains("> fares could rise\n\nWho pays? #fares\n"));
}

#[test]
fn bad_export_and_import_arguments_are_clear_errors() {
    let sb = Sandbox::new();
    sb.article("ferry.txt", FERRY);
    for args in [
        &["export"][..],
        &["export", "--all"],
        &["export", "ferry.txt", "--all", "-o", "x"],
    ] {
        let out = sb.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    let err = one_line_error(&sb.run(&["export", "ferry.txt"]));
    assert!(
        err.starts_with("gloss: no notes on ") && err.ends_with("ferry.txt"),
        "{err}"
    );
    let err = one_line_error(&sb.run(&["export", "missing.txt"]));
    assert_eq!(err, "gloss: missing.txt: no such file");
    let err = one_line_error(&sb.run(&["import", "missing.json"]));
    assert!(err.contains("cannot read missing.json"), "{err}");
    std::fs::write(sb.path("work/bad.json"), "{not json").unwrap();
    let err = one_line_error(&sb.run(&["import", "bad.json"]));
    assert!(err.contains("bad.json"), "{err}");
}

#[test]
fn export_finds_the_notes_of_a_copied_moved_or_piped_article_by_content() {
    let sb = Sandbox::new();
    let ferry = sb.article("ferry.txt", FERRY);
    sb.annotate(&ferry, "fares could rise", "Who pays?");
    sb.annotate(&sb.article("library.txt", LIBRARY), "on Sundays", "Finally");

    // a copy
    std::fs::create_dir(sb.path("work/copies")).unwrap();
    std::fs::copy(&ferry, sb.path("work/copies/ferry.txt")).unwrap();
    let out = sb.run(&["export", "copies/ferry.txt"]);
    ok(&out);
    assert!(
        stdout(&out).contains("> fares could rise\n\nWho pays?\n"),
        "{}",
        stdout(&out)
    );
    let found = format!("notes found by content from {}\n", ferry.display());
    assert_eq!(stderr(&out), found);
    // the source shown is where the article is now
    assert!(
        stdout(&out).contains("/work/copies/ferry.txt\""),
        "{}",
        stdout(&out)
    );

    // the same text on standard input
    let out = sb.run_with_stdin(&["export", "-"], FERRY.as_bytes());
    ok(&out);
    assert!(stdout(&out).contains("Who pays?"));
    assert_eq!(stderr(&out), found);

    // moved, and a word changed on the way
    let moved = sb.path("work/moved.txt");
    std::fs::rename(&ferry, &moved).unwrap();
    std::fs::write(&moved, FERRY.replace("Tuesday", "Wednesday")).unwrap();
    let out = sb.run(&["export", "moved.txt"]);
    ok(&out);
    assert!(stdout(&out).contains("Who pays?"));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "notes found by content from {} (close text: ",
            ferry.display()
        )),
        "{err}"
    );

    // an unrelated article has none
    let err = one_line_error(&sb.run_with_stdin(&["export", "-"], b"Something else entirely.\n"));
    assert!(err.starts_with("gloss: no notes on "), "{err}");
}

/// Three Web Annotations: one on a file of the sandbox, one on a web page
/// and one on a file that is not on this machine.
fn annotations_for(ferry: &Path) -> String {
    let annotation = |n: u32, source: &str, exact: &str, body: &str| {
        serde_json::json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": format!("urn:uuid:0190d3a0-0000-7000-8000-00000000000{n}"),
            "type": "Annotation",
            "body": {"type": "TextualBody", "value": body, "format": "text/markdown"},
            "target": {"source": source, "selector": [{"type": "TextQuoteSelector", "exact": exact}]},
        })
    };
    let file_uri = ArticleId::for_path(ferry).uri();
    serde_json::to_string(&[
        annotation(1, &file_uri, "fares could rise", "Who pays?"),
        annotation(
            2,
            "https://news.example/story",
            "the harbour",
            "Seen online",
        ),
        annotation(3, "file:///home/alice/missing.txt", "a passage", "Alice's"),
    ])
    .unwrap()
}

#[test]
fn annotations_without_their_article_are_kept_apart_listed_and_removable() {
    let sb = Sandbox::new();
    let ferry = sb.article("ferry.txt", FERRY);
    sb.write("work/in.json", annotations_for(&ferry).as_bytes());

    // import says which have no article
    let out = sb.run(&["import", "in.json"]);
    ok(&out);
    assert_eq!(
        stderr(&out),
        "imported 1 annotation onto 1 article; 2 more, kept apart: their article \
         is not found here (they are anchored when it is opened; gloss notes lists them):\n  \
         https://news.example/story (1 annotation)\n  \
         /home/alice/missing.txt (1 annotation)\n"
    );

    // gloss notes lists them apart from the article that is found
    let out = sb.run(&["notes"]);
    ok(&out);
    let listing = stdout(&out);
    let lines: Vec<&str> = listing.lines().collect();
    assert!(lines[0].starts_with("KEY "), "{listing}");
    let ferry_key = ArticleId::for_path(&ferry).key();
    assert!(lines[1].starts_with(&ferry_key), "{listing}");
    for word in [
        "1 note",
        "found",
        "\"Harbour towns vote to share one ferry service\"",
        ferry.to_str().unwrap(),
    ] {
        assert!(lines[1].contains(word), "{word}: {listing}");
    }
    assert_eq!(lines[2], "", "{listing}");
    assert!(lines[3].starts_with("Kept apart"), "{listing}");
    assert_eq!(lines.len(), 6, "{listing}");
    for (line, place) in lines[4..]
        .iter()
        .zip(["/home/alice/missing.txt", "https://news.example/story"])
    {
        assert!(
            line.contains("1 note") && line.contains("not found"),
            "{listing}"
        );
        assert!(line.ends_with(place), "{listing}");
    }

    // export --all exports the one, skips the others with a note, succeeds
    let out = sb.run(&["export", "--all", "-o", "exports"]);
    ok(&out);
    let err = stderr(&out);
    assert_eq!(err.matches("its article is not found").count(), 2, "{err}");
    assert!(
        err.contains("gloss: warning: skipped https://news.example/story"),
        "{err}"
    );
    assert!(err.contains("\nwrote "), "{err}");
    assert_eq!(
        std::fs::read_dir(sb.path("work/exports")).unwrap().count(),
        1
    );

    // notes remove asks first: without a terminal, only with --yes
    let err = one_line_error(&sb.run(&["notes", "remove", "https://news.example/story"]));
    assert_eq!(
        err,
        "gloss: not removing 1 note on https://news.example/story without --yes \
         (standard input is not a terminal)"
    );
    assert!(stdout(&sb.run(&["notes"])).contains("https://news.example/story"));
    for (what, said) in [
        (
            "https://news.example/story",
            "removed 1 note on https://news.example/story\n".to_string(),
        ),
        (
            "ferry.txt",
            format!(
                "removed 1 note on \"Harbour towns vote to share one ferry service\", {}\n",
                ferry.display()
            ),
        ),
    ] {
        let out = sb.run(&["notes", "remove", what, "--yes"]);
        ok(&out);
        assert_eq!(stderr(&out), said);
    }
    let alice = ArticleId::Path("/home/alice/missing.txt".into()).key();
    ok(&sb.run(&["notes", "remove", &alice, "-y"]));
    let left: Vec<_> = std::fs::read_dir(sb.store().dir())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".json"))
        .collect();
    assert!(left.is_empty(), "nothing is left of the three: {left:?}");
    let out = sb.run(&["notes"]);
    ok(&out);
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).starts_with("no notes yet in "),
        "{}",
        stderr(&out)
    );

    let err = one_line_error(&sb.run(&["notes", "remove", "nothing-here", "--yes"]));
    assert_eq!(
        err,
        "gloss: no notes stored for nothing-here (gloss notes lists the articles that have some)"
    );
}

#[test]
fn notes_imported_from_another_machine_attach_to_the_copy_here() {
    // Alice annotates her copy and sends the JSON
    let alice = Sandbox::new();
    let hers = alice.article("ferry.txt", FERRY);
    alice.annotate(&hers, "fares could rise", "Who pays?");
    alice.annotate(&hers, "one fleet", "");
    let out = alice.run(&["export", "ferry.txt", "--format", "json"]);
    ok(&out);
    let json = stdout(&out).replace(
        &ArticleId::for_path(&hers).uri(),
        "file:///home/alice/news/ferry.txt",
    );

    // Bob has the article at another path: the import keeps the notes apart
    let bob = Sandbox::new();
    let his = bob.article("harbour.txt", FERRY);
    bob.write("work/from-alice.json", json.as_bytes());
    let out = bob.run(&["import", "from-alice.json"]);
    ok(&out);
    assert!(stderr(&out).contains("kept apart"), "{}", stderr(&out));
    assert!(stderr(&out).contains("/home/alice/news/ferry.txt (2 annotations)"));

    // his copy finds them by their passages
    let out = bob.run(&["export", his.to_str().unwrap()]);
    ok(&out);
    assert_eq!(
        stderr(&out),
        "notes found by content from /home/alice/news/ferry.txt (imported; 2 of 2 passages found)\n"
    );
    assert!(stdout(&out).contains("> fares could rise\n\nWho pays?\n"));
    // and they are no longer apart: a copy of the text is kept with them now
    let listing = stdout(&bob.run(&["notes"]));
    assert!(!listing.contains("Kept apart"), "{listing}");
    assert!(listing.contains("a copy is kept"), "{listing}");

    // an unrelated article does not take them
    let bob2 = Sandbox::new();
    bob2.write("work/from-alice.json", json.as_bytes());
    ok(&bob2.run(&["import", "from-alice.json"]));
    bob2.article("library.txt", LIBRARY);
    let err = one_line_error(&bob2.run(&["export", "library.txt"]));
    assert!(err.starts_with("gloss: no notes on "), "{err}");
}
