//! Small text and URL helpers every other module may use: the leaf of the crate, so
//! it imports nothing of its own. Where long headings may wrap (the coalition's name is
//! one 21-letter word, wider than a phone at heading size), which characters no reader
//! can see, slugs, email addresses and query values.

/// True for a character no reader can see and no feed may carry: a control character
/// other than a tab or line break, or a noncharacter (U+FFFE, U+FFFF, U+FDD0 to U+FDEF
/// and the like), which XML forbids. Checked on the raw text and again on the text as
/// decoded (a TOML escape such as `\u000b`, a Markdown reference such as `&#11;`).
pub fn is_invisible(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || (0xFDD0..=0xFDEF).contains(&(c as u32))
        || (c as u32) & 0xFFFE == 0xFFFE
}

/// How a message names an invisible character: its code and, for the common ones, its name.
pub fn name_invisible(c: char) -> String {
    let name = match c {
        '\u{b}' => " (a vertical tab)",
        '\u{c}' => " (a form feed)",
        '\u{0}' => " (a null)",
        _ => "",
    };
    format!("U+{:04X}{name}", c as u32)
}

/// Words shorter than this always fit a line, so they are never split.
const LONG_WORD: usize = 12;

/// Splits a heading into pieces that join back into it, cut where a long
/// camel-case word (a hashtag) may wrap between its own words: "#SENDInTheSpecialists"
/// gives "#SEND", "In", "The", "Specialists". Both the static pages and the app put a
/// `<wbr>` between the pieces, so a phone wraps the name where a reader would.
pub fn wrap_points(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (word_start, word) in words(text) {
        if word.chars().count() < LONG_WORD {
            continue;
        }
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        for window in chars.windows(3) {
            let [(_, before), (at, upper), (_, after)] = window else {
                continue;
            };
            // ASCII letters only: a hashtag is written in them, and the Unicode tables
            // for other scripts would cost the wasm more than the hint is worth.
            if before.is_ascii_alphabetic()
                && upper.is_ascii_uppercase()
                && after.is_ascii_lowercase()
            {
                pieces.push(&text[start..word_start + at]);
                start = word_start + at;
            }
        }
    }
    pieces.push(&text[start..]);
    pieces
}

/// Text folded to lower case for search and sorting: ASCII, Latin-1 and Latin
/// Extended-A, which covers English, Welsh (ŵ, ŷ), Irish and Scottish Gaelic. Other
/// scripts pass through unchanged. Written out because `str::to_lowercase` brings the
/// whole Unicode case table into the wasm (measured in `bench/wasm-makeup.md`) for
/// letters no member name here uses.
pub fn fold_case(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        0x41..=0x5A => code + 0x20,
        // À to Þ, except ×.
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        // Pairs of capital (even) and small (odd): Ā to į, Ĳ to ķ, Ŋ to ŷ.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if code.is_multiple_of(2) => code + 1,
        // Pairs of capital (odd) and small (even): Ĺ to ň, Ź to ž.
        0x139..=0x148 | 0x179..=0x17E if !code.is_multiple_of(2) => code + 1,
        0x178 => 0xFF,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// Each run of non-space characters with its byte offset.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive(char::is_whitespace)
        .scan(0, |offset, piece| {
            let start = *offset;
            *offset += piece.len();
            Some((start, piece.trim_end_matches(char::is_whitespace)))
        })
}

/// True for slugs made of lower-case letters, digits and single hyphens.
pub fn is_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 80
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}

/// A deliberately plain email check: one `@`, something either side, a dot in the domain, no spaces.
pub fn is_email(email: &str) -> bool {
    let mut parts = email.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        _ => false,
    }
}

/// True for one plain address, as a `mailto:` link may carry it: [`is_email`], with
/// only the characters of an everyday address (letters, digits, `.` `_` `+` `-` and
/// an `@`) and a domain of dotted names. Nothing may follow it: a `?`, `&`, `%`, `,`,
/// `;` or space would add recipients or words to every email a reader writes.
pub fn is_plain_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let local_ok = local
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '+' | '-'));
    let domain_ok = domain.split('.').all(|label| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    });
    is_email(email) && local_ok && domain_ok
}

/// Percent-encodes a query value (RFC 3986 unreserved characters pass through).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_emails() {
        assert!(is_slug("first-anniversary-2023"));
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "a/b", "é"] {
            assert!(!is_slug(bad), "{bad}");
        }
        assert!(is_email("a@b.org"));
        for bad in ["a@b", "@b.org", "a@@b.org", "a b@c.org", "a@.org", "a@org."] {
            assert!(!is_email(bad), "{bad}");
        }
        assert!(is_plain_email("first.last+tag@mail.example.co.uk"));
        for bad in [
            "a@b.org?bcc=c%40d.org",
            "a@b.org&cc=c@d.org",
            "a@b.org,c@d.org",
            "a@b..org",
            "a@-b.org",
            "a%40b@c.org",
        ] {
            assert!(!is_plain_email(bad), "{bad}");
        }
    }

    #[test]
    fn folding_matches_the_standard_lower_case_for_the_letters_it_covers() {
        for code in (0x20..0x250u32).filter_map(char::from_u32) {
            let standard: String = code.to_lowercase().collect();
            let ours = fold_case(&code.to_string());
            let covered = (code as u32) < 0x180 && code as u32 != 0x130;
            if covered {
                assert_eq!(ours, standard, "{code:?} (U+{:04X})", code as u32);
            }
        }
        assert_eq!(fold_case("Cymdeithas ŴYRION Ŷ"), "cymdeithas ŵyrion ŷ");
        assert_eq!(fold_case("ÉIRE Gàidhlig"), "éire gàidhlig");
    }

    #[test]
    fn the_coalition_name_wraps_between_its_words() {
        assert_eq!(
            wrap_points("#SENDInTheSpecialists"),
            ["#SEND", "In", "The", "Specialists"]
        );
        assert_eq!(
            wrap_points("1st anniversary of the #SENDInTheSpecialists coalition"),
            [
                "1st anniversary of the #SEND",
                "In",
                "The",
                "Specialists coalition"
            ]
        );
    }

    #[test]
    fn ordinary_headings_are_left_whole() {
        for heading in [
            "Join the coalition",
            "Government publishes the SEND and AP Improvement Plan",
            "",
            "McDonald",
            "Organisations",
        ] {
            assert_eq!(wrap_points(heading), [heading]);
        }
    }

    #[test]
    fn pieces_always_join_back_into_the_heading() {
        for heading in [
            "#SENDInTheSpecialists and #NHSWorkforcePlan",
            "Ünïcödé #ÉcoleÀLaMaison  twice  ",
            "  leading space #SpeechAndLanguageUK",
            "ALLCAPSWORDTHATISLONG",
        ] {
            assert_eq!(wrap_points(heading).concat(), heading);
        }
    }
}
