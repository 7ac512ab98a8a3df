//! People's names: which word is the family name (`Donald Trump` → `Trump`;
//! `Moon Jae-in` → `Moon`; `Kim Jong Un` → `Kim`; `Bill de Blasio` → `de
//! Blasio`), whether two full names can be the same person (`C. Eugene
//! Steuerle` and `Eugene Steuerle`, but not `Kim Jong Un` and `Kim Yong Chol`),
//! and what a name or title says about gender.

use crate::analysis::Gender;
use crate::analysis::lexicon::Lexicon;

use super::evidence::is_initial;

/// Whether `words` can be a family name used alone: one word, or particles
/// and then one word (`de Miranda`, `De Miranda` at a sentence's start).
pub fn is_family_form(lex: &Lexicon, words: &[&str]) -> bool {
    match words.split_last() {
        Some((_, particles)) => particles
            .iter()
            .all(|w| lex.lists.family_particles.contains(&w.to_lowercase())),
        None => false,
    }
}

/// A person's name split into its parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonName {
    /// Given names and initials, in order (`C.`, `Eugene`).
    pub given: Vec<String>,
    /// The family name with any particle (`de Blasio`), empty when unknown.
    pub family: String,
}

/// Whether a name is written family name first: a family name of a
/// family-name-first tradition followed by one or two given-name syllables
/// (`Moon Jae-in`, `Kim Jong Un`, `Xi Jinping`), not a Western name that
/// happens to start with such a word (`Kim Kardashian`, `Chang W. Lee`).
pub fn is_family_first(lex: &Lexicon, words: &[&str]) -> bool {
    // (a lowercase particle first is no family name: `le Néon`, `de Blasio`)
    if words.len() < 2
        || words.len() > 3
        || !words[0].chars().next().is_some_and(char::is_uppercase)
        || lex.family_first(words[0]).is_empty()
    {
        return false;
    }
    let rest = &words[1..];
    if rest
        .iter()
        .any(|w| is_initial(w) || lex.lists.name_suffixes.contains(w))
    {
        return false;
    }
    // `Jae-in`, `Heon-Kyun`, `Geun-hye`: hyphenated syllables
    if rest
        .iter()
        .any(|w| w.contains('-') && w.chars().count() <= 10)
    {
        return true;
    }
    // two short syllables: `Jong Un`, `Song Hye`, `Yong Chol`
    if rest.len() == 2 && rest.iter().all(|w| w.chars().count() <= 5) {
        return true;
    }
    // one given name no US list knows (the international list gives its names a
    // nominal 0.005): `Xi Jinping`, `Li Keqiang`
    rest.len() == 1
        && lex.given_name(rest[0]).is_none_or(|f| f <= 0.005)
        && lex.surname(rest[0]).is_none_or(|f| f < 0.001)
        && rest[0].chars().count() <= 8
}

/// Split a person's name (titles already removed) into given and family names.
pub fn parse(lex: &Lexicon, words: &[&str]) -> PersonName {
    let mut words: Vec<&str> = words.to_vec();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| lex.lists.name_suffixes.contains(w))
    {
        words.pop();
    }
    if words.is_empty() {
        return PersonName {
            given: Vec::new(),
            family: String::new(),
        };
    }
    if is_family_first(lex, &words) {
        return PersonName {
            family: words[0].to_string(),
            given: words[1..].iter().map(|w| w.to_string()).collect(),
        };
    }
    // the family name starts at its first particle before the last word
    let last = words.len() - 1;
    let mut family_start = last;
    while family_start > 0 && lex.lists.family_particles.contains(words[family_start - 1]) {
        family_start -= 1;
    }
    if words.len() == 1 {
        family_start = 0;
    }
    PersonName {
        given: words[..family_start]
            .iter()
            .map(|w| w.to_string())
            .collect(),
        family: words[family_start..].join(" "),
    }
}

impl PersonName {
    /// The family name without particles (`de Blasio` → `Blasio`).
    pub fn family_core(&self) -> &str {
        self.family.rsplit(' ').next().unwrap_or(&self.family)
    }

    /// Whether two names can be the same person: the same family name, and
    /// given names that agree where both have them (`William G. Gale` /
    /// `William Gale`, `C. Eugene Steuerle` / `Eugene Steuerle`).
    pub fn compatible(&self, other: &PersonName) -> bool {
        if !self.family.eq_ignore_ascii_case(&other.family) {
            return false;
        }
        if self.given.is_empty() || other.given.is_empty() {
            return true;
        }
        let full = |g: &[String]| -> Vec<String> {
            g.iter()
                .filter(|w| !is_initial(w))
                .map(|w| w.replace('-', "").to_lowercase())
                .collect()
        };
        let (a, b) = (full(&self.given), full(&other.given));
        if a.is_empty() || b.is_empty() {
            // initials only: compare first letters
            let first = |g: &[String]| g[0].chars().next().map(|c| c.to_ascii_lowercase());
            return first(&self.given) == first(&other.given);
        }
        // Korean and Chinese given names: `Jong Un` = `Jong-un` = `Jongun`
        if a.concat() == b.concat() {
            return true;
        }
        a.iter().any(|x| b.contains(x)) && a[0] == b[0]
            || a.iter().all(|x| b.contains(x))
            || b.iter().all(|x| a.contains(x))
    }
}

/// Gender from a title or role word: `Mr.`, `spokeswoman`, `Queen`.
pub fn gender_of_title(title: &str) -> Option<Gender> {
    let t = title.to_lowercase();
    let t = t.trim_end_matches('.');
    let last = t.rsplit(' ').next().unwrap_or(t);
    match last {
        "mr" | "sir" | "lord" | "king" | "prince" | "duke" | "earl" | "baron" | "emperor"
        | "sultan" | "monsieur" | "herr" | "señor" | "senor" | "father" | "brother" => {
            Some(Gender::Male)
        }
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "duchess" | "countess"
        | "baroness" | "empress" | "madame" | "mme" | "mlle" | "frau" | "señora" | "senora"
        | "sister" => Some(Gender::Female),
        w if w.ends_with("woman") => Some(Gender::Female),
        w if w.ends_with("man") && w != "human" => Some(Gender::Male),
        _ => None,
    }
}

/// Gender from a given name, when the Census lists are clear about it.
pub fn gender_of_given(lex: &Lexicon, given: &str) -> Option<Gender> {
    let g = lex.given_name_sexes(given)?;
    let share = g.female_share();
    if share >= 0.85 {
        Some(Gender::Female)
    } else if share <= 0.15 {
        Some(Gender::Male)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::lexicon;

    fn parsed(name: &str) -> (Vec<String>, String) {
        let words: Vec<&str> = name.split(' ').collect();
        let p = parse(lexicon::get(), &words);
        (p.given, p.family)
    }

    #[test]
    fn western_names_end_in_the_family_name() {
        assert_eq!(parsed("Donald Trump").1, "Trump");
        assert_eq!(parsed("C. Eugene Steuerle").1, "Steuerle");
        assert_eq!(parsed("Bill de Blasio").1, "de Blasio");
        assert_eq!(parsed("Martin Luther King Jr.").1, "King");
        assert_eq!(parsed("Chang W. Lee").1, "Lee");
        // post-nominal honours follow the family name
        assert_eq!(parsed("Daniel Bernoulli FRS").1, "Bernoulli");
        assert_eq!(parsed("Zaha Mohammad Hadid DBE RA").1, "Hadid");
    }

    #[test]
    fn east_asian_names_start_with_the_family_name() {
        assert_eq!(parsed("Moon Jae-in").1, "Moon");
        assert_eq!(parsed("Kim Jong Un").1, "Kim");
        assert_eq!(parsed("Xi Jinping").1, "Xi");
        assert_eq!(parsed("Kim Kardashian").1, "Kardashian");
        // a lowercase particle first is no family name
        assert!(is_family_first(lexicon::get(), &["Le", "Néon"]));
        assert!(!is_family_first(lexicon::get(), &["le", "Néon"]));
    }

    #[test]
    fn names_of_one_person_are_compatible_and_of_two_are_not() {
        let p = |s: &str| parse(lexicon::get(), &s.split(' ').collect::<Vec<_>>());
        assert!(p("William G. Gale").compatible(&p("William Gale")));
        assert!(p("C. Eugene Steuerle").compatible(&p("Eugene Steuerle")));
        assert!(p("Kim Jong Un").compatible(&p("Kim Jong-un")));
        assert!(!p("Kim Jong Un").compatible(&p("Kim Yong Chol")));
        assert!(!p("John Gille").compatible(&p("Sarah Gille")));
    }

    #[test]
    fn gender_from_titles() {
        assert_eq!(gender_of_title("spokeswoman"), Some(Gender::Female));
        assert_eq!(gender_of_title("Mr."), Some(Gender::Male));
        assert_eq!(gender_of_title("President"), None);
    }
}
