//! Where long headings may wrap. The coalition's name is one 21-letter word, wider
//! than a phone at heading size; without a hint the browser splits it anywhere.

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
            if before.is_alphabetic() && upper.is_uppercase() && after.is_lowercase() {
                pieces.push(&text[start..word_start + at]);
                start = word_start + at;
            }
        }
    }
    pieces.push(&text[start..]);
    pieces
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

#[cfg(test)]
mod tests {
    use super::*;

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
