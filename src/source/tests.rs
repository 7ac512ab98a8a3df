use std::io::Write;

use super::*;

fn decoded(bytes: &[u8]) -> Decoded {
    decode(bytes).expect("text")
}

#[test]
fn utf8_is_read_as_is_and_a_bom_is_stripped() {
    assert_eq!(decoded("café".as_bytes()).text, "café");
    let d = decoded(b"\xEF\xBB\xBFcaf\xC3\xA9");
    assert_eq!((d.text.as_str(), d.encoding), ("café", "UTF-8"));
}

#[test]
fn utf16_with_a_bom_is_decoded() {
    let mut le = vec![0xFF, 0xFE];
    le.extend("Zoë".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(decoded(&le).text, "Zoë");
    assert_eq!(decoded(&le).encoding, "UTF-16LE");
    let mut be = vec![0xFE, 0xFF];
    be.extend("Zoë".encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(decoded(&be).text, "Zoë");
}

#[test]
fn utf16_without_a_bom_is_recognised_by_its_zero_bytes() {
    let le: Vec<u8> = "Plain ASCII news text.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(decoded(&le).text, "Plain ASCII news text.\n");
}

#[test]
fn latin1_and_windows_1252_are_decoded_without_replacement_characters() {
    // "Café “naïve” – 50€" in Windows-1252
    let bytes = b"Caf\xE9 \x93na\xEFve\x94 \x96 50\x80";
    let d = decoded(bytes);
    assert_eq!(d.text, "Café “naïve” – 50€");
    assert_eq!(d.encoding, "windows-1252");
    assert!(!d.text.contains('\u{FFFD}'));
}

#[test]
fn a_stray_latin1_byte_in_utf8_text_keeps_both() {
    let d = decoded(b"S\xC3\xA3o Paulo, caf\xE9");
    assert_eq!(d.text, "São Paulo, café");
    assert_eq!(d.encoding, "UTF-8");
}

#[test]
fn nul_bytes_and_known_binary_formats_are_refused() {
    assert_eq!(decode(b"text\0more"), Err("it contains NUL bytes"));
    assert_eq!(decode(b"%PDF-1.7\n..."), Err("a PDF document"));
    assert_eq!(decode(b"\x89PNG\r\n\x1a\n"), Err("a PNG image"));
}

#[test]
fn mostly_control_characters_is_binary_but_ansi_colours_are_text() {
    let junk: Vec<u8> = (0..200u8)
        .map(|i| [1u8, 2, 3, 4, 5, 6, 7, 8][usize::from(i % 8)])
        .collect();
    assert_eq!(decode(&junk), Err("it is mostly control characters"));
    let ansi = "\x1b[31mRed\x1b[0m \x1b[1mbold\x1b[0m ".repeat(20);
    assert!(decode(ansi.as_bytes()).is_ok());
    // C1 controls (two bytes each in UTF-8) count as controls, other
    // two-byte letters as text
    let c1 = "\u{85}\u{9f}\u{80}a".repeat(10);
    assert_eq!(
        decode(c1.as_bytes()),
        Err("it is mostly control characters")
    );
    let letters = "\u{85}\u{e9}\u{e8}\u{e0}\u{e9}\u{e8}\u{e0}\u{e9}\u{e8}\u{e0}".repeat(10);
    assert!(decode(letters.as_bytes()).is_ok());
}

#[test]
fn empty_and_whitespace_only_inputs_are_empty_texts() {
    let empty = from_bytes(b"", Origin::Stdin).expect("empty is text");
    assert_eq!(empty.text, "");
    let blank = from_bytes(b"\xEF\xBB\xBF \n\n", Origin::Stdin).expect("blank is text");
    assert_eq!(blank.text.trim(), "");
}

#[test]
fn missing_file_and_directory_errors_name_the_path() {
    let e = load(Path::new("/no/such/article.txt")).expect_err("missing");
    assert_eq!(e.to_string(), "/no/such/article.txt: no such file");
    let dir = tempfile::tempdir().expect("tempdir");
    let e = load(dir.path()).expect_err("directory");
    assert_eq!(
        e.to_string(),
        format!("{}: is a directory, not a file", dir.path().display())
    );
}

#[test]
fn a_binary_file_is_refused_after_reading_only_its_start() {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(&[0u8; 100_000]).expect("write");
    let e = load(file.path()).expect_err("binary");
    assert!(
        e.to_string()
            .ends_with(": binary data, not text (it contains NUL bytes)"),
        "{e}"
    );
}

#[test]
fn a_latin1_file_loads() {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(b"Z\xFCrich and Malm\xF6\n").expect("write");
    let source = load(file.path()).expect("loads");
    assert_eq!(source.text, "Zürich and Malmö\n");
    assert_eq!(source.origin, Origin::File(file.path().to_path_buf()));
}

#[test]
fn a_saved_page_names_its_encoding_in_a_meta_tag() {
    let dir = tempfile::tempdir().expect("tempdir");
    // "Новости дня" in windows-1251, a page saved from the web
    let mut page = b"<!DOCTYPE html>\n<html><head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">\n<title>".to_vec();
    page.extend_from_slice(b"\xCD\xEE\xE2\xEE\xF1\xF2\xE8 \xE4\xED\xFF</title>");
    let path = dir.path().join("page.html");
    std::fs::write(&path, &page).expect("write");
    let source = load(&path).expect("loads");
    assert!(
        source.text.ends_with("<title>Новости дня</title>"),
        "{}",
        source.text
    );
    assert_eq!(source.encoding, "windows-1251");
    // the same bytes in a file that is not HTML by name or content: a guess
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        b"Title: \xCD\xEE\xE2\xEE\xF1\xF2\xE8 <meta charset=windows-1251>",
    )
    .expect("write");
    assert_eq!(load(&path).expect("loads").encoding, "windows-1252");
}

#[test]
fn a_meta_tag_does_not_override_utf8_or_a_bom() {
    let html = "<meta charset=\"windows-1251\"><p>Zoë</p>";
    let d = decode_with(
        html.as_bytes(),
        Hints {
            charset: None,
            html: true,
        },
    )
    .expect("text");
    assert_eq!((d.text.as_str(), d.encoding), (html, "UTF-8"));
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "<meta charset=koi8-r>é"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let d = decode_with(
        &utf16,
        Hints {
            charset: None,
            html: true,
        },
    )
    .expect("text");
    assert_eq!(
        (d.text.as_str(), d.encoding),
        ("<meta charset=koi8-r>é", "UTF-16LE")
    );
}

#[test]
fn a_declared_encoding_still_refuses_binary_data() {
    let hints = Hints {
        charset: Some("windows-1251"),
        html: false,
    };
    assert_eq!(
        decode_with(b"abc\0def", hints),
        Err(Refusal::Binary("it contains NUL bytes"))
    );
    assert_eq!(
        decode_with(b"%PDF-1.4", hints),
        Err(Refusal::Binary("a PDF document"))
    );
}

#[test]
fn open_takes_a_path_that_is_not_a_url() {
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(b"Plain text.\n").expect("write");
    let path = file.path().to_str().expect("UTF-8 path");
    let source = open(path, &FetchOptions::default(), MAX_BYTES).expect("loads");
    assert_eq!(source.text, "Plain text.\n");
    assert_eq!((source.url, source.content_type), (None, None));
}

#[test]
fn a_stream_longer_than_the_limit_is_refused_once_the_limit_is_read() {
    let text = "The talks went on all night. ".repeat(100);
    let e = from_reader(std::io::Cursor::new(text.clone()), Origin::Stdin, 1 << 11)
        .expect_err("too large");
    assert!(
        matches!(e, LoadError::TooLarge { limit: 2048, .. }),
        "{e:?}"
    );
    // past the first 8 KiB (read to tell text from binary), at most one
    // byte past the limit is read
    let long = text.repeat(10);
    let mut reader = std::io::Cursor::new(long);
    let _ = from_reader(&mut reader, Origin::Stdin, 10_000);
    assert_eq!(reader.position(), 10_001);
    let read = from_reader(std::io::Cursor::new(text.clone()), Origin::Stdin, 1 << 12)
        .expect("under the limit");
    assert_eq!(read.text, text);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.txt");
    std::fs::write(&path, &text).expect("write");
    let e = load_limited(&path, 1 << 11).expect_err("too large");
    assert_eq!(
        e.to_string(),
        format!(
            "{}: too large: more than 2048 bytes ([limits] article-mb); not read",
            path.display()
        )
    );
}

#[test]
fn a_pipe_is_read_once_and_its_article_is_filed_by_content() {
    // `gloss <(curl …)`: the path is a pipe's (`/dev/fd/N`), which names
    // something else every time
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("pipe");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut w = std::fs::OpenOptions::new()
                .write(true)
                .open(fifo)
                .expect("open the pipe");
            w.write_all(b"Talks resume\n\nThe talks resumed.\n")
                .expect("write");
        })
    };
    let source = load(&fifo).expect("loads");
    writer.join().unwrap();
    assert_eq!(source.origin, Origin::Stream(fifo.clone()));
    assert_eq!(source.origin.to_string(), fifo.display().to_string());
    assert_eq!(
        source.article_id(),
        crate::article_id::ArticleId::for_content(&source.text)
    );
    // a regular file keeps its path
    let mut file = tempfile::NamedTempFile::new().expect("temp file");
    file.write_all(b"Talks resume\n").expect("write");
    let source = load(file.path()).expect("loads");
    assert!(matches!(
        source.article_id(),
        crate::article_id::ArticleId::Path(_)
    ));
}
