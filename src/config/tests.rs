use std::path::Path;

use super::*;
use crate::ui::action::COMMANDS;
use crate::ui::keys::KeyChord;
use crate::ui::settings::CommandName;

fn parse(src: &str) -> Result<Config, ConfigError> {
    Config::from_toml(src, Path::new("user.toml"))
}

fn err(src: &str) -> String {
    parse(src).expect_err("should be rejected").to_string()
}

#[test]
fn built_in_defaults_parse_and_deserialize() {
    let defaults: Table = DEFAULTS.parse().expect("config.toml is valid TOML");
    assert!(defaults.contains_key("clean"));
    let config = Config::defaults();
    assert!(config.clean.junk_lines.matches("Advertisement"));
}

#[test]
fn empty_user_file_gives_the_defaults() {
    let config = parse("").expect("empty file is fine");
    assert!(config.clean.junk_lines.matches("Source link"));
}

#[test]
fn user_list_extends_the_defaults() {
    let config = parse("[clean]\njunk_lines = ['Read the full story']\n").expect("valid");
    assert!(config.clean.junk_lines.matches("Read the full story"));
    assert!(
        config.clean.junk_lines.matches("Advertisement"),
        "default kept"
    );
}

#[test]
fn the_new_cleaning_lists_extend_the_defaults_too() {
    let src = "[clean]\nlink_intros = ['Lesen Sie auch:?']\ntitle_bylines = ['(?P<title>.+) // (?P<name>.+)']\n";
    let config = parse(src).expect("valid");
    assert!(config.clean.link_intros.matches("Lesen Sie auch:"));
    assert!(
        config.clean.link_intros.matches("Read more:"),
        "default kept"
    );
    assert!(
        config
            .clean
            .link_headlines
            .matches("Council votes on the budget")
    );
    assert!(
        config
            .clean
            .title_bylines
            .matches("Tunnel opens // Jane Smith")
    );
    assert!(
        config
            .clean
            .title_bylines
            .matches("Tunnel opens | Jane Smith")
    );
}

#[test]
fn replace_true_makes_user_list_replace_the_defaults() {
    let src = "[clean]\nreplace = true\njunk_lines = ['Read the full story']\n";
    let config = parse(src).expect("valid");
    assert!(config.clean.junk_lines.matches("Read the full story"));
    assert!(
        !config.clean.junk_lines.matches("Advertisement"),
        "default dropped"
    );
    // lists the user did not give keep their defaults
    assert!(!config.clean.junk_markers.is_empty());
}

#[test]
fn unknown_option_names_file_line_and_option() {
    let msg = err("\n[clean]\njunk_line = ['x']\n");
    assert_eq!(
        msg,
        "user.toml:3: unknown option `clean.junk_line` (did you mean `junk_lines`?)"
    );
}

#[test]
fn unknown_section_is_rejected() {
    let msg = err("[cleen]\n");
    assert!(
        msg.starts_with("user.toml:1: unknown option `cleen`"),
        "{msg}"
    );
}

#[test]
fn wrong_type_names_line_and_option() {
    let msg = err("[clean]\n\njunk_lines = 'Advertisement'\n");
    assert_eq!(
        msg,
        "user.toml:3: option `clean.junk_lines`: expected a list, found a string"
    );
    let msg = err("[clean]\njunk_lines = [\n  'ok',\n  3,\n]\n");
    assert_eq!(
        msg,
        "user.toml:4: option `clean.junk_lines[1]`: expected a string, found an integer"
    );
}

#[test]
fn invalid_regex_names_the_users_line() {
    let msg = err("[clean]\njunk_lines = [\n  'fine',\n  '(unclosed',\n]\n");
    assert!(
        msg.starts_with(
            "user.toml:4: option `clean.junk_lines[1]`: invalid regular expression `(unclosed`"
        ),
        "{msg}"
    );
    assert!(!msg.contains('\n'), "one line: {msg}");
}

#[test]
fn invalid_regex_after_replace_counts_from_the_users_list() {
    let msg = err("[clean]\nreplace = true\njunk_lines = ['(']\n");
    assert!(
        msg.starts_with("user.toml:3: option `clean.junk_lines[0]`"),
        "{msg}"
    );
}

#[test]
fn invalid_toml_names_line_and_column_on_one_line() {
    let msg = err("[clean]\njunk_lines = [\n");
    assert!(msg.starts_with("user.toml:"), "{msg}");
    assert!(msg.contains("invalid TOML"), "{msg}");
    assert!(!msg.contains('\n'), "one line: {msg}");
}

#[test]
fn replace_is_only_known_where_the_defaults_have_it() {
    let msg = err("replace = true\n");
    assert!(msg.contains("unknown option `replace`"), "{msg}");
}

#[test]
fn missing_explicit_file_is_an_error_naming_it() {
    let e = Config::load(Some(Path::new("/nonexistent/gloss.toml"))).expect_err("missing");
    assert!(
        e.to_string().starts_with("/nonexistent/gloss.toml: "),
        "{e}"
    );
}

#[test]
fn merge_replaces_scalars_and_recurses_into_tables() {
    let defaults: Table = "[a]\nx = 1\nl = [1]\n[a.b]\ny = 'd'\n"
        .parse()
        .expect("toml");
    let user: Table = "[a]\nx = 2\nl = [2]\n[a.b]\ny = 'u'\n"
        .parse()
        .expect("toml");
    let merged = merge(defaults, user);
    assert_eq!(merged["a"]["x"].as_integer(), Some(2));
    assert_eq!(merged["a"]["l"].as_array().map(Vec::len), Some(2));
    assert_eq!(merged["a"]["b"]["y"].as_str(), Some("u"));
}

#[test]
fn a_section_whose_defaults_say_replace_replaces_unless_the_user_says_otherwise() {
    let defaults: Table = "[keys]\nreplace = true\nquit = ['q']\n"
        .parse()
        .expect("toml");
    let user: Table = "[keys]\nquit = ['x']\n".parse().expect("toml");
    let merged = merge(defaults.clone(), user);
    assert_eq!(merged["keys"]["quit"].as_array().map(Vec::len), Some(1));
    assert!(merged["keys"].get("replace").is_none(), "replace consumed");
    let user: Table = "[keys]\nreplace = false\nquit = ['x']\n"
        .parse()
        .expect("toml");
    let merged = merge(defaults, user);
    assert_eq!(merged["keys"]["quit"].as_array().map(Vec::len), Some(2));
}

#[test]
fn a_users_patterns_extend_the_defaults() {
    let config = Config::from_toml(
        "[clean]\njunk_lines = ['(?i)read the full story on our app']\n",
        std::path::Path::new("user.toml"),
    )
    .expect("valid");
    let raw = "Title\n\nBody text.\n\nRead the full story on our app\n\nAdvertisement\n\nEnd.";
    assert_eq!(
        gloss_core::article::clean(raw, &config.clean).text,
        "Title\n\nBody text.\n\nEnd."
    );
}

#[test]
fn the_shipped_config_is_the_default_of_every_option() {
    let shipped = Config::defaults().reader_settings();
    let own = ReaderSettings::default();
    assert_eq!(shipped.reader, own.reader);
    assert_eq!(shipped.theme, own.theme);
    assert_eq!(shipped.keys, own.keys);
    assert_eq!(shipped.notes, own.notes);
    assert_eq!(shipped.export, own.export);
}

#[test]
fn two_actions_on_one_key_in_one_layer_is_an_error_naming_the_line_and_both() {
    let msg = err("[reader]\n[keys]\ncopy = [\"y\"]\nhighlight = [\"n\"]\n");
    assert_eq!(
        msg,
        "user.toml:4: option `keys.highlight`: `n` is bound to both `next-mention` and \
         `highlight` while reading; give one of them another key"
    );
    let msg = err("[keys]\nsearch-clear = [\"enter\"]\n");
    assert!(
        msg.contains("user.toml:2")
            && msg.contains("`search-confirm` and `search-clear` while typing a search"),
        "{msg}"
    );
    // one key, a thing of its own in each layer
    let keys = "[keys]\nsearch-confirm = [\"tab\"]\ntag-confirm = [\"tab\"]\nsave-note = [\"q\"]\n";
    assert!(parse(keys).is_ok());
}

#[test]
fn a_users_file_is_laid_over_the_defaults_with_errors_naming_the_line() {
    let user = "[reader]\nmax-line-width = 66\n\n[keys]\nnext-mention = [\"i\"]\n";
    let config = Config::from_toml(user, Path::new("user.toml")).unwrap();
    let s = config.reader_settings();
    assert_eq!(s.reader.max_line_width, 66);
    assert_eq!(s.reader.side_width, ReaderSection::default().side_width);
    let next = &s.keys.0[&CommandName("next-mention")];
    assert_eq!(
        next,
        &vec!["i".parse::<KeyChord>().unwrap()],
        "keys replace"
    );
    assert_eq!(s.keys.0.len(), COMMANDS.len(), "other actions keep theirs");
    for (bad, what) in [
        (
            "[keys]\nnext-mention = [\"pgdwn\"]\n",
            "unknown key `pgdwn`",
        ),
        ("[keys]\nnext-mentoin = [\"m\"]\n", "next-mentoin"),
        ("[theme.colors]\nperson = \"reddish\"\n", "unknown colour"),
        ("[theme]\nname = \"sepia\"\n", "sepia"),
    ] {
        let err = Config::from_toml(bad, Path::new("user.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("user.toml:2") && err.contains(what),
            "{bad}: {err}"
        );
    }
}

#[test]
fn fetch_options_take_seconds_as_numbers_above_zero() {
    use std::time::Duration;
    let config =
        parse("[fetch]\ntimeout = 5\nconnect-timeout = 2.5\nmax-bytes = 1_000\n").expect("valid");
    assert_eq!(config.fetch.timeout.duration(), Duration::from_secs(5));
    assert_eq!(
        config.fetch.connect_timeout.duration(),
        Duration::from_millis(2500)
    );
    assert_eq!(config.fetch.max_bytes, 1_000);
    assert_eq!(config.fetch.max_redirects, 10);
    assert_eq!(
        Config::defaults().fetch,
        crate::source::FetchOptions::default()
    );
    assert_eq!(
        err("[fetch]\ntimeout = -1\n"),
        "user.toml:2: option `fetch.timeout`: expected a number of seconds above 0 and at most 86400, found -1"
    );
    assert_eq!(
        err("[fetch]\nuser_agent = \"x\"\n"),
        "user.toml:2: unknown option `fetch.user_agent` (did you mean `user-agent`?)"
    );
}

#[test]
fn the_notes_limits_of_config_toml_are_the_built_in_ones_and_can_be_set() {
    use crate::notes::settings::NotesLimits;
    assert_eq!(Config::defaults().limits.notes(), NotesLimits::default());
    let config = parse("[limits]\nimport-annotations = 10\nreanchor-work = 5\n").unwrap();
    assert_eq!(config.limits.import_annotations, 10);
    assert_eq!(config.limits.notes().budget().work, 5);
    assert!(err("[limits]\nimport-annotations = -1\n").contains("import-annotations"));
}

#[test]
fn ctrl_c_bound_to_an_action_is_an_error_naming_the_line() {
    let msg = err("[keys]\nquit = [\"q\"]\ncopy = [\"y\", \"ctrl-c\"]\n");
    assert_eq!(
        msg,
        "user.toml:3: option `keys.copy`: `Ctrl-c` always quits gloss and cannot be bound \
         to `copy`; give it another key"
    );
    assert!(parse("[keys]\nquit = [\"q\", \"ctrl-c\"]\n").is_ok());
}

#[test]
fn a_rewrite_naming_a_group_its_pattern_lacks_is_an_error_naming_the_rule() {
    let msg = err(
        "[clean]\nrewrites = [\n  { pattern = '(?P<word>\\w+)!', with = '${nonexistent}' },\n]\n",
    );
    assert_eq!(
        msg,
        "user.toml:3: option `clean.rewrites[0]`: `${nonexistent}` names no group of \
         the pattern `(?P<word>\\w+)!` (it has $0, $1, ${word}); every match would be \
         replaced by nothing"
    );
    let msg = err("[clean]\nrewrites = [{ pattern = '(a)(b)', with = '$3' }]\n");
    assert!(msg.contains("`$3` names no group"), "{msg}");
    // `$1a` is the group named `1a`, not group 1 and a letter
    let msg = err("[clean]\nrewrites = [{ pattern = '(a)b', with = '$1a' }]\n");
    assert!(msg.contains("`$1a` names no group"), "{msg}");
    for fine in [
        "'${1}a'",
        "'$$1'",
        "'$0 and ${w}'",
        "'price: $'",
        "'no groups'",
    ] {
        let src = format!("[clean]\nrewrites = [{{ pattern = '(?P<w>a)', with = {fine} }}]\n");
        assert!(parse(&src).is_ok(), "{fine}: {}", err(&src));
    }
}

#[test]
fn the_built_in_limits_are_those_the_code_falls_back_on() {
    let limits = Config::defaults().limits;
    assert_eq!(limits.article_bytes(), crate::source::MAX_BYTES);
    assert_eq!(limits.line_bytes, crate::analysis::LINE_BYTES);
    assert_eq!(
        limits.title_chars,
        crate::article::clean::default_title_chars()
    );
    assert!(limits.article_mb >= 100, "admits a 100 MB article");
    let config = parse("[limits]\ntitle-chars = 20\nline-bytes = 4096\n").unwrap();
    assert_eq!(config.clean.title_max_chars, 20);
    assert_eq!(config.reader_settings().parts.line_bytes, 4096);
    let msg = err("[limits]\nline-bytes = 10\n");
    assert_eq!(
        msg,
        "user.toml:2: option `limits.line-bytes`: 10 is too small (at least 1024)"
    );
}
