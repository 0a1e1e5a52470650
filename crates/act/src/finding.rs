//! What the action page tells the reader once the services have answered, in words,
//! with the way on to WriteToThem that every outcome offers.

use crate::handoff::{to_all, to_mp};
use crate::lookup::{devolved, Member, Mp, Place};
use crate::postcode::Postcode;
use content::members::Nation;

/// Where a lookup came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// The reader's MP, and the nation, when known.
    Found(Postcode, Mp, Option<Nation>),
    /// The seat is empty.
    Vacant(Postcode, String, Option<Nation>),
    /// No postcode in use is written so.
    NotFound(Postcode),
    /// The services could not be asked, or did not answer in time or in shape.
    Unavailable(Postcode),
}

impl Finding {
    /// What the two answers come to: postcodes.io's (none when it was not asked,
    /// because it already said the postcode is unknown) and Parliament's.
    pub fn from_answers(postcode: Postcode, place: Place, member: Option<Member>) -> Finding {
        let nation = match place {
            Place::NotFound => return Finding::NotFound(postcode),
            Place::Found { nation, .. } => nation,
            Place::Unavailable => None,
        };
        match member {
            Some(Member::Found(mp)) => Finding::Found(postcode, mp, nation),
            Some(Member::Vacant { constituency }) => {
                Finding::Vacant(postcode, constituency, nation)
            }
            _ => Finding::Unavailable(postcode),
        }
    }

    /// The words and the ways on, as the page shows them; `online` is whether the
    /// browser says it has a connection.
    pub fn told(&self, online: bool) -> Told {
        let link = |href: String, text: &str, primary: bool| Link {
            href,
            text: text.to_string(),
            primary,
        };
        let nation_of = |nation: &Option<Nation>| nation.filter(|n| devolved(*n).is_some());
        match self {
            Finding::Found(postcode, mp, nation) => {
                let party = if mp.party.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", mp.party)
                };
                let mut told = Told {
                    said: vec![format!(
                        "Your MP is {}{party}, the Member of Parliament for {}.",
                        mp.name, mp.constituency
                    )],
                    go: vec![link(
                        to_mp(postcode),
                        &format!("Write to {} on WriteToThem", mp.name),
                        true,
                    )],
                    points_from: nation_of(nation),
                };
                told.devolved(postcode, nation);
                told
            }
            Finding::Vacant(postcode, constituency, nation) => {
                let mut told = Told {
                    said: vec![format!(
                        "{constituency} has no MP at the moment. WriteToThem can tell you who else represents you."
                    )],
                    go: vec![link(to_all(postcode), "See who represents you on WriteToThem", true)],
                    points_from: nation_of(nation),
                };
                told.devolved(postcode, nation);
                told
            }
            Finding::NotFound(postcode) => Told {
                said: vec![format!(
                    "We could not find {}. Check it, or go on to WriteToThem, which can look it up as well.",
                    postcode.as_str()
                )],
                go: vec![link(to_all(postcode), "Find your MP on WriteToThem", true)],
                points_from: None,
            },
            Finding::Unavailable(postcode) => Told {
                said: vec![format!(
                    "{} WriteToThem can find your MP from your postcode.",
                    if online {
                        "We could not look up your MP just now."
                    } else {
                        "You seem to be offline, so we could not look up your MP."
                    }
                )],
                go: vec![link(to_all(postcode), "Find your MP on WriteToThem", true)],
                points_from: None,
            },
        }
    }
}

/// What the page says and offers after a lookup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Told {
    /// Paragraphs, in order.
    pub said: Vec<String>,
    /// The ways on to WriteToThem, the first the main one.
    pub go: Vec<Link>,
    /// The devolved nation whose own talking points to show, if editors wrote any.
    pub points_from: Option<Nation>,
}

/// One way on to WriteToThem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// Where it goes.
    pub href: String,
    /// What it says.
    pub text: String,
    /// True for the main way on, drawn as the main button.
    pub primary: bool,
}

impl Told {
    /// Where education is devolved: who decides, and the way to write to the reader's
    /// representatives there as well.
    fn devolved(&mut self, postcode: &Postcode, nation: &Option<Nation>) {
        let Some((nation, (parliament, members))) = nation.and_then(|n| Some((n, devolved(n)?)))
        else {
            return;
        };
        self.said.push(format!(
            "Education is devolved in {}: {parliament} decides about schools and support for children with SEND there. You can write to your {members} as well as your MP.",
            nation.label()
        ));
        self.go.push(Link {
            href: to_all(postcode),
            text: format!("Write to your {members} or your MP on WriteToThem"),
            primary: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pc(typed: &str) -> Postcode {
        Postcode::parse(typed).unwrap_or_else(|e| panic!("{typed}: {e:?}"))
    }

    fn mp() -> Mp {
        Mp {
            name: "Sam Example".into(),
            party: "Example Party".into(),
            constituency: "Somewhere Central".into(),
        }
    }

    #[test]
    fn every_outcome_offers_a_way_on_with_the_postcode() {
        let found = |nation| Finding::Found(pc("SW1A 0AA"), mp(), nation);
        let outcomes = [
            found(Some(Nation::England)),
            found(Some(Nation::Scotland)),
            found(None),
            Finding::Vacant(
                pc("SW1A 0AA"),
                "Somewhere Central".into(),
                Some(Nation::Wales),
            ),
            Finding::NotFound(pc("SW1A 0AA")),
            Finding::Unavailable(pc("SW1A 0AA")),
        ];
        for finding in outcomes {
            for online in [true, false] {
                let told = finding.told(online);
                assert!(
                    !told.said.is_empty()
                        && told
                            .go
                            .first()
                            .is_some_and(|l| l.primary && l.href.ends_with("pc=SW1A0AA")),
                    "{finding:?}: {told:?}"
                );
            }
        }
    }

    #[test]
    fn a_devolved_nation_adds_its_parliament_and_its_representatives() {
        let told = Finding::Found(pc("EH99 1SP"), mp(), Some(Nation::Scotland)).told(true);
        assert_eq!(told.said[0], "Your MP is Sam Example (Example Party), the Member of Parliament for Somewhere Central.");
        assert!(told.said[1]
            .starts_with("Education is devolved in Scotland: the Scottish Parliament decides"));
        assert_eq!(
            told.go[0].href,
            "https://www.writetothem.com/?a=WMC&pc=EH991SP"
        );
        assert_eq!(
            told.go[1].text,
            "Write to your MSPs or your MP on WriteToThem"
        );
        assert_eq!(told.points_from, Some(Nation::Scotland));
        let england = Finding::Found(pc("SW1A 0AA"), mp(), Some(Nation::England)).told(true);
        assert_eq!(
            (england.said.len(), england.go.len(), england.points_from),
            (1, 1, None)
        );
    }

    #[test]
    fn the_answers_combine_as_the_reader_needs() {
        let place = Place::Found {
            nation: Some(Nation::Wales),
            constituency: "X".into(),
        };
        assert_eq!(
            Finding::from_answers(pc("CF99 1SN"), place.clone(), Some(Member::Found(mp()))),
            Finding::Found(pc("CF99 1SN"), mp(), Some(Nation::Wales))
        );
        assert_eq!(
            Finding::from_answers(pc("ZZ1 1ZZ"), Place::NotFound, None),
            Finding::NotFound(pc("ZZ1 1ZZ"))
        );
        assert_eq!(
            Finding::from_answers(
                pc("SW1A 0AA"),
                Place::Unavailable,
                Some(Member::Found(mp()))
            ),
            Finding::Found(pc("SW1A 0AA"), mp(), None),
            "postcodes.io down: Parliament still finds the MP"
        );
        assert_eq!(
            Finding::from_answers(pc("SW1A 0AA"), place, Some(Member::Unavailable)),
            Finding::Unavailable(pc("SW1A 0AA"))
        );
        assert!(Finding::Unavailable(pc("SW1A 0AA")).told(false).said[0]
            .starts_with("You seem to be offline"));
    }
}
