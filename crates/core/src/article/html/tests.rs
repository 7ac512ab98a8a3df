//! Extraction, phenomenon by phenomenon, on short pages written for these
//! tests (the real pages are in `tests/fixtures/pages`, tested by the core's
//! `html` test binary).

use proptest::prelude::*;

use super::*;
use crate::article::check_invariants;

fn extracted(html: &str) -> Article {
    let article = from_html(html, None, &CleanOptions::default());
    if let Err(e) = check_invariants(&article) {
        panic!("invariant broken: {e}\n{article:#?}");
    }
    article
}

/// The kind and text of every block.
fn blocks(article: &Article) -> Vec<(BlockKind, &str)> {
    article
        .blocks
        .iter()
        .map(|b| (b.kind, article.slice(b.span)))
        .collect()
}

/// A page with an article long enough for Readability to take it, around
/// `inner`.
fn page(head: &str, inner: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en-GB\"><head><title>Tunnel to open in spring | The Harbour Times</title>{head}</head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>\
         <article><h1>Tunnel to open in spring</h1>{inner}\
         <p>The mayor said on Monday that the river tunnel would open before the first warm day, \
         after engineers finished their last inspection of the ventilation shafts and the pumps.</p>\
         <p>Engineers had found cracks in two of the shafts in March, and the opening was put off \
         twice while the council argued about who would pay for the repairs.</p>\
         <p>Residents of the east bank, who have crossed by ferry for the three years the work \
         took, said they would believe it when they saw the first bus drive through.</p></article>\
         <footer><p>© 2024 The Harbour Times. All rights reserved.</p></footer></body></html>"
    )
}

#[test]
fn title_first_then_the_body() {
    let article = extracted(&page("", ""));
    let got = blocks(&article);
    assert_eq!(got[0], (BlockKind::Title, "Tunnel to open in spring"));
    assert_eq!(article.title(), Some("Tunnel to open in spring"));
    assert_eq!(got.len(), 4, "{got:#?}");
    assert!(got[1].1.starts_with("The mayor said on Monday"));
    assert!(got[1..].iter().all(|(k, _)| *k == BlockKind::Paragraph));
    for junk in ["Home", "Sport", "All rights reserved"] {
        assert!(!article.text.contains(junk), "{junk} left");
    }
}

#[test]
fn block_kinds_from_the_markup() {
    let article = extracted(&page(
        "",
        "<h2>Cracks in the shafts</h2>\
         <blockquote><p>We waited long enough for this tunnel to open.</p></blockquote>\
         <ul><li>Two shafts repaired</li><li>Pumps <b>replaced</b> in May</li></ul>\
         <figure><img src=\"t.jpg\"><figcaption>The tunnel in March. Photo: Jane Roe</figcaption></figure>\
         <table><tr><th>Year</th><th>Cost</th></tr><tr><td>2023</td><td>4m</td></tr></table>\
         <pre>line one\nline two</pre>\
         <h3>A heading element that holds a whole paragraph of text, forty words or so, \
         because the site styled its standfirst that way, is read as the paragraph it is and \
         not as a heading, which would make the analysis treat its quotes as titles.</h3>",
    ));
    let got = blocks(&article);
    use BlockKind::*;
    for want in [
        (Heading, "Cracks in the shafts"),
        (Quote, "We waited long enough for this tunnel to open."),
        (Item, "Two shafts repaired"),
        (Item, "Pumps replaced in May"),
        (Caption, "The tunnel in March. Photo: Jane Roe"),
        (Paragraph, "Year · Cost"),
        (Paragraph, "2023 · 4m"),
        (Paragraph, "line one"),
        (Paragraph, "line two"),
    ] {
        assert!(got.contains(&want), "{want:?} missing from {got:#?}");
    }
    assert!(
        got.iter()
            .any(|(k, t)| *k == Paragraph && t.starts_with("A heading element"))
    );
}

#[test]
fn the_heading_that_repeats_the_title_goes() {
    let article = extracted(&page("", ""));
    assert_eq!(
        article.text.matches("Tunnel to open in spring").count(),
        1,
        "{}",
        article.text
    );
}

#[test]
fn junk_inside_the_article_goes() {
    let article = extracted(&page(
        "",
        "<div class=\"share\"><a>Share</a> <a>Tweet</a> <a>Email</a></div>\
         <p>Advertisement</p>\
         <p>Sign up for our newsletter to get the news in your inbox.</p>\
         <p>Read more: Council votes on the budget</p>\
         <aside class=\"related\"><h3>Related</h3><ul><li><a href=\"/a\">Bridge closed</a></li></ul></aside>\
         <div id=\"comments\"><h3>Comments</h3><p>First!</p></div>",
    ));
    for junk in [
        "Share",
        "Tweet",
        "Advertisement",
        "newsletter",
        "Read more",
        "Bridge closed",
        "First!",
        "Comments",
    ] {
        assert!(
            !article.text.contains(junk),
            "{junk} left:\n{}",
            article.text
        );
    }
    assert!(article.text.contains("The mayor said on Monday"));
}

#[test]
fn metadata_from_the_head() {
    let head = "<link rel=\"canonical\" href=\"https://harbour.example/news/tunnel\">\
                <meta property=\"og:site_name\" content=\"The Harbour Times\">\
                <meta name=\"author\" content=\"Jane Roe\">\
                <meta property=\"article:published_time\" content=\"2024-03-05T09:30:00+01:00\">";
    let article = extracted(&page(head, ""));
    let meta = &article.meta;
    assert_eq!(
        meta.url.as_deref(),
        Some("https://harbour.example/news/tunnel")
    );
    assert_eq!(meta.site.as_deref(), Some("The Harbour Times"));
    assert_eq!(meta.byline.as_deref(), Some("Jane Roe"));
    assert_eq!(meta.published.as_deref(), Some("2024-03-05"));
    assert_eq!(meta.language.as_deref(), Some("en"));
}

#[test]
fn json_ld_metadata() {
    let head = "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \
                \"@type\": \"NewsArticle\", \"headline\": \"Tunnel to open in spring\", \
                \"author\": {\"@type\": \"Person\", \"name\": \"John Doe\"}, \
                \"datePublished\": \"2024-03-06\", \
                \"publisher\": {\"@type\": \"Organization\", \"name\": \"Harbour Media\"}}</script>";
    let meta = extracted(&page(head, "")).meta;
    assert_eq!(meta.byline.as_deref(), Some("John Doe"));
    assert_eq!(meta.published.as_deref(), Some("2024-03-06"));
    assert_eq!(meta.site.as_deref(), Some("Harbour Media"));
}

#[test]
fn the_given_url_when_the_page_has_none() {
    let url = "https://harbour.example/a";
    let article = from_html(&page("", ""), Some(url), &CleanOptions::default());
    assert_eq!(article.meta.url.as_deref(), Some(url));
    // a relative address is no base for Readability, and no error
    let article = from_html(
        &page("", ""),
        Some("saved/page.html"),
        &CleanOptions::default(),
    );
    assert!(article.text.contains("The mayor said"));
}

#[test]
fn a_page_without_an_article_is_empty() {
    for html in [
        "",
        "<html><head><title>Nothing here</title></head><body></body></html>",
        "<html><body><nav><a href=/>Home</a></nav><script>var x = 1;</script></body></html>",
        "<html><body><img src=a.png></body></html>",
    ] {
        let article = extracted(html);
        assert_eq!(article.text, "", "{html}");
        assert!(article.blocks.is_empty(), "{html}");
    }
}

#[test]
fn a_short_page_is_taken_whole() {
    let article = extracted("<html><body><p>Only a short note.</p></body></html>");
    assert_eq!(
        blocks(&article),
        vec![(BlockKind::Paragraph, "Only a short note.")]
    );
}

#[test]
fn text_is_cleaned_as_text_lines_are() {
    let article = extracted(&page(
        "",
        "<p>Bidi\u{202E}override and zero\u{200B}width go; caf\u{65}\u{301} is composed.</p>\
         <p>[ad_1]Marker glued to text.</p>",
    ));
    assert!(
        article
            .text
            .contains("Bidioverride and zerowidth go; café is composed.")
    );
    assert!(article.text.contains("\nMarker glued to text."));
}

#[test]
fn read_tells_html_from_text() {
    let options = CleanOptions::default();
    let text = "Mayor says the tunnel will open\n\nThe mayor said so on Monday.";
    assert_eq!(read(text, None, None, &options), clean(text, &options));
    let html = page("", "");
    assert_eq!(
        read(&html, None, None, &options),
        from_html(&html, None, &options)
    );
    // the caller's word wins
    assert_eq!(
        read(&html, Some(Format::Text), None, &options),
        clean(&html, &options)
    );
    let url = Some("https://example.com/x");
    assert_eq!(read(text, None, url, &options).meta.url.as_deref(), url);
}

#[test]
fn deep_nesting_keeps_its_text_and_ends() {
    for (open, close) in [("<div>", "</div>"), ("<b>", "</b>"), ("<span><i>", "")] {
        let html = format!(
            "<html><body><p>Before the deep part.</p>{}<p>Deep inside.</p>{}</body></html>",
            open.repeat(100_000),
            close.repeat(100_000)
        );
        let start = std::time::Instant::now();
        let article = extracted(&html);
        assert!(article.text.contains("Before the deep part."), "{open}");
        assert!(
            start.elapsed().as_secs() < 20,
            "{open}: {:?}",
            start.elapsed()
        );
    }
}

#[test]
fn malformed_pages_never_panic() {
    for html in [
        "<p>unclosed <b>bold <i>italic <a href='x",
        "</div></div></p>stray end tags",
        "<table><td>cell<tr><p>para</table>",
        "<!-- never closed",
        "<script>never closed",
        "<<<>>><</>",
        "\u{0}\u{1}binary\u{FFFD}\u{7F}<p>\u{1B}[31mred</p>",
        "<html><html><body><body><head><p>twice",
        "<svg><p>in svg</p><math><mi>x</mi></svg>",
        "<plaintext><p>not a tag",
    ] {
        extracted(html);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Random tag soup: any mix of tags, attributes, text and stray
    /// characters gives an article that keeps its invariants.
    #[test]
    fn tag_soup_gives_a_valid_article(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("<div>".to_string()), Just("</div>".to_string()),
                Just("<p>".to_string()), Just("</p>".to_string()),
                Just("<li>".to_string()), Just("<blockquote>".to_string()),
                Just("<h2>".to_string()), Just("</h2>".to_string()),
                Just("<table><tr><td>".to_string()), Just("<br>".to_string()),
                Just("<script>".to_string()), Just("</script>".to_string()),
                Just("<!--".to_string()), Just("-->".to_string()),
                Just("<a href='".to_string()), Just("'>".to_string()),
                Just("<pre>".to_string()), Just("\n".to_string()),
                "[a-zA-Z .,]{1,40}",
                "\\PC{1,8}",
            ],
            0..60,
        )
    ) {
        let html = parts.concat();
        let article = from_html(&html, None, &CleanOptions::default());
        prop_assert!(check_invariants(&article).is_ok(), "{:?}", check_invariants(&article));
    }
}

#[test]
fn bullets_typed_in_the_text_make_list_items_as_in_text() {
    let article = extracted(&page(
        "",
        "<p>• The ferry stops in May</p>\
         <p>- Buses run every ten minutes</p>\
         <ul><li>• Cyclists keep the old bridge</li><li>Walkers too</li></ul>",
    ));
    let items: Vec<&str> = blocks(&article)
        .into_iter()
        .filter(|(k, _)| *k == BlockKind::Item)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        items,
        vec![
            "The ferry stops in May",
            "Buses run every ten minutes",
            "Cyclists keep the old bridge",
            "Walkers too",
        ]
    );
}

#[test]
fn links_and_photo_credits_inside_the_article_go() {
    let article = extracted(&page(
        "",
        "<p>[Read: How the tunnel was dug under the river]</p>\
         <p>Watch: The mayor cuts the ribbon</p>\
         <figure><img src=\"t.jpg\"><figcaption>The tunnel in March.</figcaption></figure>\
         <p>Photo by Anna Berg/The Harbour Times</p>\
         <p>Read more:</p><ul><li><a href=\"/a\">Council votes on the budget</a></li>\
         <li><a href=\"/b\">Bridge closed for repairs</a></li></ul>\
         <h2>The cost</h2><p>The tunnel cost more than the council had planned for.</p>",
    ));
    for junk in [
        "Read",
        "Watch",
        "Anna Berg",
        "Council votes",
        "Bridge closed",
    ] {
        assert!(
            !article.text.contains(junk),
            "{junk} left:\n{}",
            article.text
        );
    }
    // a heading ends the list of links: the article goes on
    assert!(article.text.contains("The cost\n\nThe tunnel cost more"));
    assert!(article.text.contains("The tunnel in March."));
}
