//! The library's lists in the reader: the people view (who is mentioned
//! most this week, who is quoted most, and a person's articles) and saved
//! searches (saved from the list, listed with their counts in the feed
//! list, opened from there). A library of its own in a temporary folder.

use gloss::analysis::analyze;
use gloss::article::{CleanOptions, clean};
use gloss::article_id::ArticleId;
use gloss::library::Keeper;
use gloss::ui::App;

use crate::ui_support::{app, library_in, press, reader_on, screen, type_text};

const ONE: &str = "Harbour towns agree on one ferry\n\nMayor Elena Alvarez of Port Wren said on Tuesday that the three harbour towns had agreed to run one ferry service. \"We will sail as one fleet from the spring,\" Alvarez told reporters.";
const TWO: &str = "Bridge repairs delayed again\n\nEngineers said on Friday that the bridge at Dunmore would stay closed. \"Nobody wants another winter of detours,\" said Elena Alvarez, who chairs the transport board. Tom Brennan, the chief engineer, met Alvarez on Friday.";
const THREE: &str = "Rain closes the fair\n\nHeavy rain closed the county fair on Saturday, organisers said. \"We had no choice,\" said Tom Brennan.";

struct Fixture {
    _dir: tempfile::TempDir,
    keeper: Keeper,
    subscriptions: std::path::PathBuf,
}

/// Three articles kept (with their analysis) now: this week's.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let keeper = library_in(dir.path());
    for (i, text) in [ONE, TWO, THREE].into_iter().enumerate() {
        let article = clean(text, &CleanOptions::default());
        let analysis = analyze(&article);
        let id = ArticleId::Url(format!("https://news.example/{i}"));
        keeper.keep(&id, &article, Some(&analysis)).expect("kept");
    }
    let subscriptions = dir.path().join("feeds.json");
    Fixture {
        _dir: dir,
        keeper,
        subscriptions,
    }
}

fn reader(f: &Fixture, width: u16, height: u16) -> App {
    reader_on(&f.keeper, &f.subscriptions, width, height)
}

/// The screen with the day the view starts from made constant.
fn undated(shown: &str) -> String {
    let since = gloss::library::day(gloss::library::now() - 7 * 86_400);
    shown.replace(&since, "YYYY-MM-DD")
}

#[test]
fn p_in_the_library_shows_who_is_mentioned_and_quoted_most_and_their_articles() {
    let f = fixture();
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = reader(&f, w, h);
        press(&mut app, "backspace P");
        let shown = undated(&screen(&app));
        assert!(
            shown.contains("People since YYYY-MM-DD · most mentioned (P for most quoted)"),
            "{shown}"
        );
        let alvarez = shown.find("1. Elena Alvarez").expect("first");
        let brennan = shown.find("2. Tom Brennan").expect("second");
        assert!(alvarez < brennan, "{shown}");
        insta::assert_snapshot!(format!("people_{w}x{h}"), shown);
    }
    let mut app = reader(&f, 100, 24);
    press(&mut app, "backspace P P");
    let shown = screen(&app);
    assert!(
        shown.contains("most quoted (P for most mentioned)"),
        "{shown}"
    );
    assert!(
        shown.contains("Elena Alvarez  · 4 mentions · 2 articles · 2 quotes"),
        "{shown}"
    );
    // Enter: the articles that mention them
    press(&mut app, "j enter");
    let shown = screen(&app);
    assert!(
        shown.contains("Tom Brennan · in 2 other articles"),
        "{shown}"
    );
    assert!(shown.contains("Rain closes the fair"), "{shown}");
    // Esc from the view goes back to the library's list
    let mut app = reader(&f, 100, 24);
    press(&mut app, "backspace P esc");
    assert!(screen(&app).contains(" Library · 3 articles"));
}

#[test]
fn a_search_saved_from_the_library_is_listed_in_the_feed_list_and_opens_there() {
    let f = fixture();
    let mut app = reader(&f, 100, 24);
    press(&mut app, "backspace S");
    assert!(screen(&app).contains("Search first (/), then save the search"));
    press(&mut app, "/");
    type_text(&mut app, "harbour");
    press(&mut app, "enter S");
    type_text(&mut app, "Ports");
    assert!(
        screen(&app).contains("Save “harbour” as: Ports▏"),
        "{}",
        screen(&app)
    );
    press(&mut app, "enter");
    assert!(
        screen(&app).contains("Saved as “Ports”: the feed list lists it with its count"),
        "{}",
        screen(&app)
    );
    // Esc while naming drops the name, not the search
    press(&mut app, "S");
    type_text(&mut app, "x");
    press(&mut app, "esc");
    assert!(
        app.shelf
            .as_ref()
            .is_some_and(|s| s.naming.is_none() && s.query == "harbour")
    );
    press(&mut app, "F");
    let shown = screen(&app);
    assert!(
        shown.contains("Feeds · 0 feeds · 0 unread · 1 saved search"),
        "{shown}"
    );
    assert!(
        shown.contains("Ports  (search: harbour · 1 article)"),
        "{shown}"
    );
    press(&mut app, "enter");
    assert!(app.feeds.pane.is_none());
    let shown = screen(&app);
    assert!(shown.contains(" Library · 1 article · harbour"), "{shown}");
    assert!(
        shown.contains("Harbour towns agree on one ferry"),
        "{shown}"
    );
    // the feed list is found as it was left
    press(&mut app, "F");
    assert!(screen(&app).contains("Ports  (search: harbour"));
    press(&mut app, "A");
    assert!(screen(&app).contains("A saved search, not a feed: Enter lists it"));
}

/// A folder of two articles and a file that is none, dated.
fn folder() -> (tempfile::TempDir, Vec<gloss::library::folder::FolderFile>) {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text, secs) in [
        ("ferry.txt", ONE, 1_772_400_000u64),
        ("bridge.txt", TWO, 1_772_500_000),
        ("blob.bin", "\u{0}\u{0}\u{1}binary", 1_772_600_000),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("writes");
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|f| {
                f.set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs))
            })
            .expect("dated");
    }
    let files =
        gloss::library::folder::list(dir.path(), 1 << 20, &CleanOptions::default()).expect("lists");
    (dir, files)
}

#[test]
fn a_folder_is_listed_enter_opens_a_file_and_the_library_key_lists_the_folder_again() {
    let (dir, files) = folder();
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = app(w, h);
        app.article_key = None;
        app.shelf = Some(gloss::ui::shelf::folder(dir.path(), files.clone()));
        let shown = screen(&app).replace(&dir.path().display().to_string(), "DIR");
        assert!(
            shown.contains(" Folder DIR · 2 articles (not kept until opened)"),
            "{shown}"
        );
        let bridge = shown
            .find("Bridge repairs delayed again  · bridge.txt")
            .expect("listed");
        let ferry = shown
            .find("Harbour towns agree on one ferry  · ferry.txt")
            .expect("listed");
        assert!(bridge < ferry, "newest first: {shown}");
        assert!(!shown.contains("blob.bin"), "{shown}");
        insta::assert_snapshot!(format!("folder_{w}x{h}"), shown);
    }
    let mut listed = app(100, 24);
    listed.article_key = None;
    listed.shelf = Some(gloss::ui::shelf::folder(dir.path(), files.clone()));
    assert_eq!(
        press(&mut listed, "j enter"),
        gloss::ui::Effect::OpenFile(dir.path().join("ferry.txt"))
    );
    press(&mut listed, "/");
    assert!(screen(&listed).contains("A folder is listed, not searched"));
    // from an article read out of the folder, the library key lists the folder
    let mut reading = app(100, 24);
    reading.feeds.folder = Some((dir.path().to_path_buf(), files));
    press(&mut reading, "backspace");
    assert!(
        screen(&reading).contains(" Folder "),
        "{}",
        screen(&reading)
    );
}
