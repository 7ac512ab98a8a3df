//! Cleaning, phenomenon by phenomenon, on short articles written for these tests.

use proptest::prelude::*;

use super::*;
use crate::article::{BlockKind, check_invariants};

fn cleaned(raw: &str) -> Article {
    let article = clean(raw, &CleanOptions::default());
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

const WIRE_STORY: &str = "Mayor says the river tunnel will open in spring


[ad_1]

(Bloomberg) – The mayor said on Monday that the river tunnel would open \"before the first warm day\" after engineers finished their last inspection.

Engineers had found cracks in two of the tunnel&#39;s ventilation shafts in March.

& # 39; A long winter & # 39;

\"We waited long enough,\" the mayor said.
[ad_2]Source link
";

#[test]
fn wire_story_title_dateline_heading_and_junk() {
    let article = cleaned(WIRE_STORY);
    use BlockKind::*;
    assert_eq!(
        blocks(&article),
        vec![
            (Title, "Mayor says the river tunnel will open in spring"),
            (Dateline, "(Bloomberg) –"),
            (
                Paragraph,
                "The mayor said on Monday that the river tunnel would open \"before the first warm day\" after engineers finished their last inspection."
            ),
            (
                Paragraph,
                "Engineers had found cracks in two of the tunnel's ventilation shafts in March."
            ),
            (Heading, "'A long winter'"),
            (Paragraph, "\"We waited long enough,\" the mayor said."),
        ]
    );
    assert_eq!(article.meta.source.as_deref(), Some("Bloomberg"));
    assert_eq!(
        article.title(),
        Some("Mayor says the river tunnel will open in spring")
    );
    assert!(
        article.text.contains("(Bloomberg) – The mayor said"),
        "dateline stays on its line"
    );
    for junk in ["[ad_", "Source link", "&#39;", "& # 39;"] {
        assert!(!article.text.contains(junk), "{junk} left");
    }
}

#[test]
fn reuters_and_bare_city_datelines() {
    let article =
        cleaned("Talks resume\n\nWASHINGTON (Reuters) - Negotiators met again on Tuesday.\n");
    assert_eq!(
        blocks(&article)[1],
        (BlockKind::Dateline, "WASHINGTON (Reuters) -")
    );
    assert_eq!(article.meta.source.as_deref(), Some("Reuters"));

    let article = cleaned("Talks resume\n\nSAN FRANCISCO, Calif. — Negotiators met again.\n");
    assert_eq!(
        blocks(&article)[1],
        (BlockKind::Dateline, "SAN FRANCISCO, Calif. —")
    );
    assert_eq!(article.meta.source, None);

    let article = cleaned("Talks resume\n\nA HIGH-level team met - briefly - on Tuesday.\n");
    assert!(
        blocks(&article)
            .iter()
            .all(|(k, _)| *k != BlockKind::Dateline)
    );
}

const NEWSPAPER_PAGE: &str = "Storm Drains and Salt: What Winter Does Below the Streets

Old pipes suffer most in the cold months.

Image

A crew repairs a water main in the Bronx.CreditCreditJane Roe/The Daily Ledger

By Ann Example and Bo Sample

Jan. 14, 2021

[Want the morning briefing? Get it in your inbox.]

The city maintains thousands of miles of pipes.

Advertisement

Why the thaw is worse than the freeze

Water expands when it freezes, and the ground moves with it.

Share this article

Sign up for the Ledger Daily newsletter.

The stories you need to know, every morning.

Officials said repairs would take weeks.

Ann Example covers infrastructure.

A version of this article appears in print on , on Page A12 of the New York edition. Order Reprints | Today’s Paper | Subscribe
";

#[test]
fn newspaper_page_junk_captions_byline_and_date() {
    let article = cleaned(NEWSPAPER_PAGE);
    use BlockKind::*;
    assert_eq!(
        blocks(&article),
        vec![
            (
                Title,
                "Storm Drains and Salt: What Winter Does Below the Streets"
            ),
            (Paragraph, "Old pipes suffer most in the cold months."),
            (
                Caption,
                "A crew repairs a water main in the Bronx. Credit: Jane Roe/The Daily Ledger"
            ),
            (Paragraph, "By Ann Example and Bo Sample"),
            (Paragraph, "Jan. 14, 2021"),
            (Paragraph, "The city maintains thousands of miles of pipes."),
            (Heading, "Why the thaw is worse than the freeze"),
            (
                Paragraph,
                "Water expands when it freezes, and the ground moves with it."
            ),
            (Paragraph, "Officials said repairs would take weeks."),
            (Paragraph, "Ann Example covers infrastructure."),
        ]
    );
    assert_eq!(
        article.meta.byline.as_deref(),
        Some("Ann Example and Bo Sample")
    );
    assert_eq!(article.meta.published.as_deref(), Some("Jan. 14, 2021"));
    for junk in [
        "Image",
        "Advertisement",
        "inbox",
        "newsletter",
        "you need to know",
        "Share this",
        "Order Reprints",
        "appears in print",
    ] {
        assert!(!article.text.contains(junk), "{junk} left");
    }
}

#[test]
fn a_short_real_paragraph_after_a_newsletter_prompt_is_kept() {
    let raw = "Title here\n\nSign up for our newsletter.\n\nHe declined to comment.\n\nMore text follows here.";
    let article = cleaned(raw);
    assert!(article.text.contains("He declined to comment."));
    assert!(!article.text.contains("newsletter"));
}

#[test]
fn photo_credits_and_sourced_captions_are_captions() {
    let raw = "Title here

A new bill would require providers to store metadata. Source: Supplied

The body of the article is long enough to be a paragraph of its own.

Workers remove a sign from a roof in 1989. (AP)

The cabaret in Paris Benoit Tessier/Reuters

Last paragraph of the story, which ends here.";
    let article = cleaned(raw);
    let captions: Vec<&str> = blocks(&article)
        .into_iter()
        .filter(|(k, _)| *k == BlockKind::Caption)
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        captions,
        vec![
            "A new bill would require providers to store metadata. Source: Supplied",
            "Workers remove a sign from a roof in 1989. (AP)",
            "The cabaret in Paris Benoit Tessier/Reuters",
        ]
    );
}

#[test]
fn terminal_escapes_and_control_characters_are_removed_whole() {
    let raw = "Title\n\n\x1b[31mRed\x1b[0m text, \x1b]0;evil title\x07a \x1b]8;;http://x.example\x1b\\link\x1b]8;;\x1b\\, \u{9b}2Jbell\x07 \u{85}next\x00 \x7fdel \u{202E}reversed\u{202C} zero\u{200B}width.";
    let article = cleaned(raw);
    assert_eq!(
        article.text,
        "Title\n\nRed text, a link, bell\n\nnext del reversed zerowidth."
    );
    assert!(!article.text.chars().any(|c| c.is_control() && c != '\n'));
}

#[test]
fn an_unterminated_osc_string_does_not_swallow_the_article() {
    let article = cleaned("Title\n\nBefore \x1b]0;no end\nAfter the escape.");
    assert!(
        article.text.ends_with("After the escape."),
        "{:?}",
        article.text
    );
}

#[test]
fn whitespace_is_normalised_and_paragraphs_kept() {
    let raw = "  Title \r\n\r\nFirst\u{A0}\u{A0}paragraph  with\tspaces.   \r\n\r\n\r\n\r\nSecond paragraph.\u{2029}Third.";
    let article = cleaned(raw);
    assert_eq!(
        article.text,
        "Title\n\nFirst paragraph with spaces.\n\nSecond paragraph.\n\nThird."
    );
}

#[test]
fn hard_wrapped_paragraphs_are_joined_but_separate_lines_are_not() {
    let wrapped = "A Tale of Two Pipes

The city water system was built in pieces over two centuries, and its
oldest mains still carry water under streets that were laid out for
horses. Engineers say the pipes are sound, but the joints between them
are not, and every winter finds the weak ones.

Short line.
The next paragraph starts on the next line and runs on for a while so
that it is clearly a paragraph of its own, wrapped like the others.";
    let article = cleaned(wrapped);
    let texts: Vec<&str> = blocks(&article).into_iter().map(|(_, t)| t).collect();
    assert_eq!(texts.len(), 4, "{texts:#?}");
    assert!(
        texts[1].starts_with("The city water system") && texts[1].ends_with("finds the weak ones.")
    );
    assert_eq!(texts[2], "Short line.");

    let one_per_line = "Title\nFirst paragraph, one line of a scraped page that is long enough to be a full paragraph on its own.\nSecond paragraph, also on a single line of its own, also long enough to be a paragraph.";
    let article = cleaned(one_per_line);
    assert_eq!(article.blocks.len(), 3);
}

#[test]
fn first_line_that_reads_like_a_paragraph_is_no_title() {
    let article = cleaned(
        "Athens is the capital of Greece. It is one of the oldest cities in the world.\n\nMore.",
    );
    assert_eq!(article.title(), None);
    assert_eq!(article.blocks[0].kind, BlockKind::Paragraph);
}

#[test]
fn other_languages_and_scripts_survive_intact() {
    let samples = [
        "Le maire promet l’ouverture du tunnel au printemps\n\nPARIS — « Nous avons assez attendu », a déclaré le maire, lundi, devant la presse réunie à l’hôtel de ville.",
        "市长称河底隧道将于春季开通\n\n市长周一表示，工程师完成最后一次检查后，隧道将在第一个温暖的日子之前开通。\n\n市场反应\n\n居民对此表示欢迎。",
        "رئيس البلدية: النفق سيفتح في الربيع\n\nقال رئيس البلدية يوم الاثنين إن النفق سيفتح \u{200F}قبل أول يوم دافئ.",
        "ראש העיר: המנהרה תיפתח באביב\n\nראש העיר אמר ביום שני כי המנהרה תיפתח לפני היום החם הראשון.",
    ];
    for raw in samples {
        let article = cleaned(raw);
        assert_eq!(article.text, raw, "text changed");
        assert_eq!(article.title(), raw.lines().next());
    }
    let chinese = cleaned(samples[1]);
    assert_eq!(chinese.blocks[2].kind, BlockKind::Heading);
    let french = cleaned(samples[0]);
    assert_eq!(french.blocks[1].kind, BlockKind::Dateline);
}

#[test]
fn decomposed_accents_are_composed() {
    let article = cleaned("Jose\u{301} Marti\u{301}\n\nText.");
    assert_eq!(article.title(), Some("José Martí"));
}

#[test]
fn mojibake_repair_can_be_switched_off() {
    let raw = "Title\n\nCafÃ© society.";
    assert!(cleaned(raw).text.contains("Café"));
    let options = CleanOptions {
        fix_mojibake: false,
        ..CleanOptions::default()
    };
    assert!(clean(raw, &options).text.contains("CafÃ©"));
}

#[test]
fn a_writer_s_social_plug_is_junk_even_in_an_open_quotation() {
    let article = cleaned(
        "\"PENCE: We will win this race.\n\n\"Follow Ann Lee on Twitter @annleeNEWS.\"\n\nFollow the money on Twitter, he said.",
    );
    assert_eq!(
        article.text,
        "\"PENCE: We will win this race.\n\nFollow the money on Twitter, he said."
    );
}

#[test]
fn empty_and_junk_only_inputs_give_an_empty_article() {
    for raw in ["", "\n\n  \n", "[ad_1]\n\nAdvertisement\n", "\x1b[0m\x07"] {
        let article = cleaned(raw);
        assert_eq!(article.text, "");
        assert!(article.blocks.is_empty());
    }
}

proptest! {
    #[test]
    fn any_input_gives_an_article_that_keeps_the_block_invariants(raw in "\\PC{0,300}") {
        let article = clean(&raw, &CleanOptions::default());
        prop_assert!(check_invariants(&article).is_ok(), "{:?}", check_invariants(&article));
    }

    #[test]
    fn any_mix_of_lines_and_junk_keeps_the_invariants(
        lines in proptest::collection::vec(
            prop_oneof![
                Just("".to_string()),
                Just("[ad_1]".to_string()),
                Just("Image".to_string()),
                Just("(Reuters) - Wire copy.".to_string()),
                Just("LONDON — Text.".to_string()),
                Just("By Jane Doe".to_string()),
                "[a-zA-Z .,\u{1b}\u{7}\u{202e}&#;]{0,80}",
                "\\PC{0,40}",
            ],
            0..20,
        )
    ) {
        let raw = lines.join("\n");
        let article = clean(&raw, &CleanOptions::default());
        prop_assert!(check_invariants(&article).is_ok(), "{:?}", check_invariants(&article));
    }
}

/// The texts of the blocks of one kind.
fn of_kind(article: &Article, kind: BlockKind) -> Vec<&str> {
    blocks(article)
        .into_iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, t)| t)
        .collect()
}

#[test]
fn links_to_other_stories_go_with_the_headlines_listed() {
    let raw = "Tunnel opens at last

The mayor opened the tunnel on Monday.

[Read: How the tunnel was dug under the river]

Watch: The mayor cuts the ribbon

Related: Ferry service to end in May

The tunnel is three kilometres long. It took three years to dig.

Read more:

Council votes on the budget

- Bridge closed for repairs after the storm

Why do tunnels cost so much?

The first bus drove through at noon.

More from The Harbour Times

Mayor's tunnel dream comes true

Residents cheer as the ferry makes its last trip";
    let article = cleaned(raw);
    assert_eq!(
        of_kind(&article, BlockKind::Paragraph),
        vec![
            "The mayor opened the tunnel on Monday.",
            "The tunnel is three kilometres long. It took three years to dig.",
            "The first bus drove through at noon.",
        ],
        "{}",
        article.text
    );
    assert_eq!(article.title(), Some("Tunnel opens at last"));
}

#[test]
fn a_link_intro_takes_only_the_headlines_after_it() {
    // the list of headlines ends at the first line that is a sentence
    let raw = "Title\n\nRelated stories\n\nBridge closed for repairs\n\nThe council met on Tuesday and voted.\n\nSecond section\n\nIt rained.";
    let article = cleaned(raw);
    assert_eq!(
        article.text,
        "Title\n\nThe council met on Tuesday and voted.\n\nSecond section\n\nIt rained."
    );
}

#[test]
fn photo_credits_under_captions_go() {
    let raw = "Tunnel opens at last

Image
Workers inspect a ventilation shaft under the river.
Photo: Anna Berg/The Harbour Gazette

The tunnel opened on Monday after three years of work.

The mayor at the opening.
(AP Photo/Tomas Lindqvist)

AFP via Getty Images

Photograph by Jane Roe

The first bus drove through at noon.";
    let article = cleaned(raw);
    assert_eq!(
        of_kind(&article, BlockKind::Caption),
        vec!["Workers inspect a ventilation shaft under the river."]
    );
    for credit in ["Anna Berg", "Photo", "Lindqvist", "Getty", "Jane Roe"] {
        assert!(
            !article.text.contains(credit),
            "{credit} left:\n{}",
            article.text
        );
    }
    assert!(article.text.contains("The mayor at the opening."));
}

#[test]
fn a_title_ending_with_its_author_gives_the_byline() {
    let article = cleaned("Tunnel opens at last | Jane Smith\n\nThe mayor opened it on Monday.");
    assert_eq!(article.title(), Some("Tunnel opens at last"));
    assert_eq!(article.meta.byline.as_deref(), Some("Jane Smith"));
    let article = cleaned("Tunnel opens at last — By Ingrid van der Berg\n\nIt opened.");
    assert_eq!(article.title(), Some("Tunnel opens at last"));
    assert_eq!(article.meta.byline.as_deref(), Some("Ingrid van der Berg"));
    // a site's name is no author, nor is what is not a name
    for title in [
        "Tunnel opens at last | The Harbour Times",
        "Tunnel opens at last | BBC News",
        "Tunnel opens | lessons for other cities",
    ] {
        let article = cleaned(&format!("{title}\n\nThe mayor opened it on Monday."));
        assert_eq!(article.title(), Some(title));
        assert_eq!(article.meta.byline, None, "{title}");
    }
    // a byline line found later wins over a different name after the bar
    let article = cleaned("Tunnel opens | Anna Berg\n\nBy Jane Smith\n\nIt opened.");
    assert_eq!(article.meta.byline.as_deref(), Some("Jane Smith"));
}

#[test]
fn bulleted_lines_are_list_items_without_their_bullets() {
    let raw = "Tunnel opens at last

What changes for commuters:

- The ferry stops in May
* Buses run every ten minutes, day and night, through the new tunnel
• Cyclists keep the old bridge

1. Numbered lines keep their numbers
2. and their kind

* * *

The end of the story.";
    let article = cleaned(raw);
    assert_eq!(
        of_kind(&article, BlockKind::Item),
        vec![
            "The ferry stops in May",
            "Buses run every ten minutes, day and night, through the new tunnel",
            "Cyclists keep the old bridge",
        ],
        "{}",
        article.text
    );
    assert!(
        article
            .text
            .contains("1. Numbered lines keep their numbers")
    );
    assert!(article.text.contains("* * *"), "a section break stays");
}

#[test]
fn a_dateline_is_no_source() {
    let article = cleaned("Floods close the port\n\nLAGOS — The port closed on Monday.");
    assert_eq!(article.meta.source, None);
    assert_eq!(of_kind(&article, BlockKind::Dateline), vec!["LAGOS —"]);
}

#[test]
fn link_intros_are_the_users_to_extend() {
    let options = CleanOptions {
        link_intros: crate::article::clean::LinePatterns::new(["Lesen Sie auch:?"]).expect("valid"),
        ..CleanOptions::default()
    };
    let article = clean(
        "Titel\n\nDer Tunnel ist offen.\n\nLesen Sie auch:\n\nDie Brücke bleibt zu\n\nEs regnete.",
        &options,
    );
    assert_eq!(
        article.text,
        "Titel\n\nDer Tunnel ist offen.\n\nEs regnete."
    );
}
