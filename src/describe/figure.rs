//! The picture of a result: which drawing says the most about it.

use crate::svg::{self, Group};
use crate::system::{Ballots, Body, BodyResult};

/// The diagram of an elected body: one half ring of every seat (party
/// seats, self-nominated, vacant and undecided each with their own mark),
/// or with `split` the list and single-member tiers apart; a body of one
/// seat filled by one race is a bar chart of its candidates.
///
/// `colours` gives parties colours of the scenario's own (`#rrggbb` or
/// `#rgb`, matched by name through the party registry), in place of the
/// registry's and the palette's.
///
/// # Errors
///
/// The drawing's refusal ([`svg::Error`]): more seats than a diagram holds,
/// a result that does not fit the body, a colour that is not `#rgb` or
/// `#rrggbb`.
pub fn body_picture(
    title: &str,
    body: &Body,
    result: &BodyResult,
    ballots: &Ballots,
    split: bool,
    colours: &[(String, String)],
) -> svg::Result<String> {
    // The scenario's colours under the names the result uses.
    let given: Vec<(&str, &str)> = result
        .parties
        .iter()
        .filter_map(|p| {
            let (_, c) = colours.iter().find(|(name, _)| crate::party::same(name, &p.party))?;
            Some((p.party.as_str(), c.as_str()))
        })
        .collect();
    if split {
        return svg::split_view(title, body, result, &given);
    }
    // One seat, one race: the candidates' votes say more than one dot.
    if let ([district], [race]) = (ballots.districts.as_slice(), result.districts.as_slice())
        && result.seats == 1
    {
        let winner =
            race.winner.as_ref().and_then(|w| district.candidates.iter().position(|c| c.name.trim() == w));
        return svg::candidate_bars(title, &district.candidates, district.against_all, winner);
    }
    let mut groups: Vec<Group> = result
        .parties
        .iter()
        .map(|p| {
            let group = Group::new(p.party.clone(), p.seats);
            match given.iter().find(|(name, _)| *name == p.party) {
                Some((_, c)) => group.colour(*c),
                None => group,
            }
        })
        .collect();
    groups.push(Group::self_nominated(result.independents));
    groups.push(Group::vacant(result.vacant));
    groups.push(Group::undecided(result.undecided));
    svg::hemicycle(title, &groups)
}
