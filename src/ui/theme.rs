//! Colours and text styles: a dark and a light palette in 24-bit colour, a
//! "basic" one in the terminal's own 16 colours, user overrides from
//! `[theme.colors]`, and no colour at all under `NO_COLOR`.

use ratatui::style::{Color, Modifier, Style};

use super::settings::{ColorOverrides, ThemeName, ThemeSection};

/// The palette in use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Palette {
    Dark,
    Light,
    Basic,
}

impl Palette {
    /// The next palette for the `theme` key.
    pub fn next(self) -> Self {
        match self {
            Palette::Dark => Palette::Light,
            Palette::Light => Palette::Basic,
            Palette::Basic => Palette::Dark,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Palette::Dark => "dark",
            Palette::Light => "light",
            Palette::Basic => "basic",
        }
    }
}

/// What the environment says about colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ColorEnv {
    /// `NO_COLOR` is set (and not empty).
    pub no_color: bool,
    /// `COLORTERM` is `truecolor` or `24bit`.
    pub truecolor: bool,
    /// `COLORFGBG` says the background is light.
    pub light_background: bool,
}

impl ColorEnv {
    pub fn from_env() -> Self {
        let var = |k| std::env::var(k).unwrap_or_default();
        let colorterm = var("COLORTERM").to_ascii_lowercase();
        // COLORFGBG is "fg;bg" (sometimes "fg;default;bg"): 7 and 9-15 are light.
        let light_background = var("COLORFGBG")
            .rsplit(';')
            .next()
            .and_then(|bg| bg.parse::<u8>().ok())
            .is_some_and(|bg| bg == 7 || bg >= 9);
        ColorEnv {
            no_color: !var("NO_COLOR").is_empty(),
            truecolor: colorterm == "truecolor" || colorterm == "24bit",
            light_background,
        }
    }
}

/// Every style the reader draws with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    pub palette: Palette,
    pub text: Style,
    pub title: Style,
    pub heading: Style,
    pub dateline: Style,
    pub person: Style,
    pub organisation: Style,
    pub place: Style,
    pub quote: Style,
    pub partial_quote: Style,
    /// The selected entity's mentions.
    pub selection: Style,
    /// Where the last jump landed.
    pub mark: Style,
    /// The cursor's row in the focused list.
    pub cursor: Style,
    pub search: Style,
    pub current_match: Style,
    pub border: Style,
    pub focus: Style,
    pub dim: Style,
    /// The mode badge in the status bar.
    pub badge: Style,
    /// Keys in the status bar and the help.
    pub key: Style,
    pub error: Style,
    /// The current sentence (the reading cursor), faintly.
    pub reading: Style,
    /// A highlighted passage.
    pub highlight: Style,
    /// The passage being selected.
    pub visual: Style,
    /// The mark in the margin beside a passage with a note.
    pub note_mark: Style,
}

struct Colors {
    text: Color,
    title: Color,
    heading: Color,
    dateline: Color,
    person: Color,
    organisation: Color,
    place: Color,
    quote: Color,
    selection: Color,
    on_selection: Color,
    mark: Color,
    search: Color,
    current_match: Color,
    on_match: Color,
    border: Color,
    focus: Color,
    dim: Color,
    accent: Color,
    on_accent: Color,
    error: Color,
    reading: Color,
    highlight: Color,
}

const fn rgb(hex: u32) -> Color {
    Color::Rgb((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

fn colors(palette: Palette) -> Colors {
    match palette {
        Palette::Dark => Colors {
            text: Color::Reset,
            title: rgb(0xffd787),
            heading: rgb(0x87afff),
            dateline: rgb(0x9e9e9e),
            person: rgb(0xffaf5f),
            organisation: rgb(0x5fd7d7),
            place: rgb(0x87d75f),
            quote: rgb(0xd7afff),
            selection: rgb(0xd78700),
            on_selection: rgb(0x000000),
            mark: rgb(0x444444),
            search: rgb(0x3a3a6a),
            current_match: rgb(0xff5fd7),
            on_match: rgb(0x000000),
            border: rgb(0x626262),
            focus: rgb(0xffd787),
            dim: rgb(0x9e9e9e),
            accent: rgb(0x005f87),
            on_accent: rgb(0xffffff),
            error: rgb(0xff5f5f),
            reading: rgb(0x262626),
            highlight: rgb(0x5f5f00),
        },
        Palette::Light => Colors {
            text: Color::Reset,
            title: rgb(0x875f00),
            heading: rgb(0x005f87),
            dateline: rgb(0x6c6c6c),
            person: rgb(0xaf5f00),
            organisation: rgb(0x00787a),
            place: rgb(0x3a7d00),
            quote: rgb(0x7a3fae),
            selection: rgb(0xffd75f),
            on_selection: rgb(0x000000),
            mark: rgb(0xdadada),
            search: rgb(0xd7d7ff),
            current_match: rgb(0xff87d7),
            on_match: rgb(0x000000),
            border: rgb(0xa8a8a8),
            focus: rgb(0xaf5f00),
            dim: rgb(0x6c6c6c),
            accent: rgb(0x005f87),
            on_accent: rgb(0xffffff),
            error: rgb(0xd70000),
            reading: rgb(0xeeeeee),
            highlight: rgb(0xffff87),
        },
        Palette::Basic => Colors {
            text: Color::Reset,
            title: Color::Yellow,
            heading: Color::Blue,
            dateline: Color::DarkGray,
            person: Color::Yellow,
            organisation: Color::Cyan,
            place: Color::Green,
            quote: Color::Magenta,
            selection: Color::Yellow,
            on_selection: Color::Black,
            mark: Color::DarkGray,
            search: Color::Blue,
            current_match: Color::Magenta,
            on_match: Color::Black,
            border: Color::DarkGray,
            focus: Color::Yellow,
            dim: Color::DarkGray,
            accent: Color::Blue,
            on_accent: Color::White,
            error: Color::Red,
            reading: Color::Reset,
            highlight: Color::Reset,
        },
    }
}

fn apply(colors: &mut Colors, o: &ColorOverrides) {
    let set = |slot: &mut Color, v: &super::settings::ColorSpec| {
        if let Some(c) = v.0 {
            *slot = c;
        }
    };
    set(&mut colors.text, &o.text);
    set(&mut colors.title, &o.title);
    set(&mut colors.heading, &o.heading);
    set(&mut colors.dateline, &o.dateline);
    set(&mut colors.person, &o.person);
    set(&mut colors.organisation, &o.organisation);
    set(&mut colors.place, &o.place);
    set(&mut colors.quote, &o.quote);
    set(&mut colors.selection, &o.selection);
    set(&mut colors.mark, &o.mark);
    set(&mut colors.search, &o.search);
    set(&mut colors.current_match, &o.current_match);
    set(&mut colors.border, &o.border);
    set(&mut colors.focus, &o.focus);
    set(&mut colors.dim, &o.dim);
    set(&mut colors.accent, &o.accent);
    set(&mut colors.error, &o.error);
    set(&mut colors.reading, &o.reading);
    set(&mut colors.highlight, &o.highlight);
}

impl Theme {
    /// The palette the configuration asks for in this environment.
    pub fn initial_palette(section: &ThemeSection, env: &ColorEnv) -> Palette {
        match section.name {
            ThemeName::Dark => Palette::Dark,
            ThemeName::Light => Palette::Light,
            ThemeName::Basic => Palette::Basic,
            ThemeName::Auto if !env.truecolor => Palette::Basic,
            ThemeName::Auto if env.light_background => Palette::Light,
            ThemeName::Auto => Palette::Dark,
        }
    }

    pub fn new(palette: Palette, overrides: &ColorOverrides, env: &ColorEnv) -> Self {
        if env.no_color {
            return Theme::monochrome(palette);
        }
        let mut c = colors(palette);
        apply(&mut c, overrides);
        let b = Modifier::BOLD;
        Theme {
            palette,
            text: Style::new().fg(c.text),
            title: Style::new().fg(c.title).add_modifier(b),
            heading: Style::new().fg(c.heading).add_modifier(b),
            dateline: Style::new().fg(c.dateline).add_modifier(Modifier::ITALIC),
            person: Style::new().fg(c.person),
            organisation: Style::new().fg(c.organisation),
            place: Style::new().fg(c.place),
            quote: Style::new().fg(c.quote).add_modifier(Modifier::ITALIC),
            partial_quote: Style::new().add_modifier(Modifier::ITALIC),
            selection: Style::new()
                .fg(c.on_selection)
                .bg(c.selection)
                .add_modifier(b),
            mark: Style::new().bg(c.mark).add_modifier(Modifier::UNDERLINED),
            cursor: Style::new().bg(c.mark).add_modifier(b),
            search: Style::new().bg(c.search),
            current_match: Style::new()
                .fg(c.on_match)
                .bg(c.current_match)
                .add_modifier(b),
            border: Style::new().fg(c.border),
            focus: Style::new().fg(c.focus).add_modifier(b),
            dim: Style::new().fg(c.dim),
            badge: Style::new().fg(c.on_accent).bg(c.accent).add_modifier(b),
            key: Style::new().fg(c.focus).add_modifier(b),
            error: Style::new().fg(c.error).add_modifier(b),
            // In 16 colours no background is faint on every terminal: the
            // margin shows the reading cursor instead.
            reading: if c.reading == Color::Reset {
                Style::new()
            } else {
                Style::new().bg(c.reading)
            },
            // In 16 colours every background clashes with some mention's
            // colour: reverse video keeps them all readable.
            highlight: if c.highlight == Color::Reset {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new().bg(c.highlight)
            },
            visual: Style::new().fg(c.on_accent).bg(c.accent),
            note_mark: Style::new().fg(c.focus).add_modifier(b),
        }
    }

    /// Styles without colour: meaning carried by bold, italics, underlines and reverse video.
    fn monochrome(palette: Palette) -> Self {
        let m = |m: Modifier| Style::new().add_modifier(m);
        Theme {
            palette,
            text: Style::new(),
            title: m(Modifier::BOLD),
            heading: m(Modifier::BOLD),
            dateline: m(Modifier::ITALIC),
            person: m(Modifier::UNDERLINED),
            organisation: Style::new(),
            place: Style::new(),
            quote: m(Modifier::ITALIC),
            partial_quote: m(Modifier::ITALIC),
            selection: m(Modifier::REVERSED | Modifier::BOLD),
            mark: m(Modifier::UNDERLINED | Modifier::BOLD),
            cursor: m(Modifier::REVERSED),
            search: m(Modifier::UNDERLINED),
            current_match: m(Modifier::REVERSED | Modifier::UNDERLINED),
            border: Style::new(),
            focus: m(Modifier::BOLD),
            dim: m(Modifier::DIM),
            badge: m(Modifier::REVERSED | Modifier::BOLD),
            key: m(Modifier::BOLD),
            error: m(Modifier::BOLD),
            reading: Style::new(),
            highlight: m(Modifier::REVERSED),
            visual: m(Modifier::REVERSED | Modifier::ITALIC),
            note_mark: m(Modifier::BOLD),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_color(t: &Theme) -> bool {
        [
            t.text,
            t.title,
            t.person,
            t.place,
            t.quote,
            t.selection,
            t.search,
            t.border,
            t.badge,
        ]
        .iter()
        .any(|s| s.fg.is_some_and(|c| c != Color::Reset) || s.bg.is_some_and(|c| c != Color::Reset))
    }

    #[test]
    fn no_color_means_no_colour_at_all() {
        let env = ColorEnv {
            no_color: true,
            truecolor: true,
            light_background: false,
        };
        let t = Theme::new(Palette::Dark, &ColorOverrides::default(), &env);
        assert!(!has_color(&t));
        assert_ne!(t.selection, t.text, "the selection still stands out");
    }

    #[test]
    fn auto_picks_basic_colours_unless_the_terminal_has_24_bit_colour() {
        let section = ThemeSection::default();
        let mut env = ColorEnv::default();
        assert_eq!(Theme::initial_palette(&section, &env), Palette::Basic);
        env.truecolor = true;
        assert_eq!(Theme::initial_palette(&section, &env), Palette::Dark);
        env.light_background = true;
        assert_eq!(Theme::initial_palette(&section, &env), Palette::Light);
    }

    #[test]
    fn the_basic_palette_uses_only_the_16_named_colours() {
        let t = Theme::new(
            Palette::Basic,
            &ColorOverrides::default(),
            &ColorEnv::default(),
        );
        for s in [
            t.title,
            t.person,
            t.place,
            t.organisation,
            t.selection,
            t.search,
            t.badge,
        ] {
            for c in [s.fg, s.bg].into_iter().flatten() {
                assert!(!matches!(c, Color::Rgb(..) | Color::Indexed(_)), "{c:?}");
            }
        }
    }

    #[test]
    fn a_colour_override_replaces_the_palettes_colour() {
        let o = ColorOverrides {
            person: super::super::settings::ColorSpec(Some(Color::Rgb(1, 2, 3))),
            ..Default::default()
        };
        let t = Theme::new(Palette::Dark, &o, &ColorEnv::default());
        assert_eq!(t.person.fg, Some(Color::Rgb(1, 2, 3)));
    }
}
