//! # saylau
//!
//! Exact, fast seat allocation for Kazakhstan's elections (and any other
//! proportional or apportionment problem).
//!
//! *Saylau* is Kazakh for "election". The crate reproduces official seat
//! counts from vote counts, answers "what if" questions (another method,
//! threshold or house size), and explains every result.
//!
//! - **Exact.** Votes are `u64`, totals `u128`; quotients are compared by
//!   cross-multiplication in up to 256 bits. No float ever decides a seat.
//! - **Ties are results.** When the last seats cannot be given without
//!   choosing between exactly equal claims, [`Apportioner::decide`] gives
//!   [`Decision::Tied`]: the certain seats, the tied parties and the seats
//!   they contest, which [`apportion::Tie::resolve`] finishes by any policy
//!   without counting again ([`Apportioner::apportion`] reports it as
//!   [`Error::Tie`]). With a [`TieBreak`] policy the [`TieResolution`] is
//!   part of the result.
//! - **Fast.** Divisor methods cost about `O(P log P)` in the number of
//!   parties, whatever the number of seats.
//! - **Auditable.** [`Apportioner::explain`] gives the quotients, the
//!   divisor range, the quota and the remainders behind every allocation.
//!
//! ## Methods
//!
//! | method | CLI name | divisors / quota |
//! |---|---|---|
//! | D'Hondt (Jefferson) | `dhondt`, `jefferson` | 1, 2, 3, ... |
//! | Sainte-Laguë (Webster) | `sainte-lague`, `webster` | 1, 3, 5, ... |
//! | modified Sainte-Laguë | `modified-sainte-lague[:F]` | F (1.4), 3, 5, ... |
//! | Huntington-Hill | `huntington-hill` | sqrt(s(s+1)) |
//! | Adams | `adams` | 0, 1, 2, ... |
//! | Dean | `dean` | 2s(s+1)/(2s+1) |
//! | Danish | `danish` | 1, 4, 7, ... |
//! | Imperiali | `imperiali` | 2, 3, 4, ... |
//! | Hare (Hamilton) | `hare`, `hamilton` | quota V/S |
//! | Droop | `droop` | quota floor(V/(S+1)) + 1 |
//! | Hagenbach-Bischoff | `hagenbach-bischoff` | quota V/(S+1) |
//! | Imperiali quota | `imperiali-quota` | quota V/(S+2) |
//!
//! ## Example: the 2023 Mazhilis party-list seats
//!
//! ```
//! use saylau::{Method, Threshold, TieBreak};
//!
//! // Central Election Commission, final results of 19 March 2023.
//! let votes = [3_431_510, 693_938, 547_154, 535_139, 432_920, 331_058, 146_431];
//! let against_all = 248_291;
//! // 5% of party votes plus "against all"; Baytaq (2.3%) falls below.
//! let five: Threshold = "5".parse()?;
//! let eligible = five.eligible(&votes, against_all);
//! let taking_part: Vec<u64> =
//!     votes.iter().zip(&eligible).map(|(&v, &e)| if e { v } else { 0 }).collect();
//! // Hare quota, largest remainders; equal remainders go to the list
//! // registered first.
//! let seats = Method::HARE.apportioner().ties(TieBreak::ListOrder).apportion(&taking_part, 69)?;
//! assert_eq!(seats.seats(), &[40, 8, 6, 6, 5, 4, 0]);
//! # Ok::<(), saylau::Error>(())
//! ```
//!
//! ## Modules
//!
//! | module | what it holds |
//! |---|---|
//! | [`apportion`] | the methods, tie-break and over-allocation policies, allocations and their audit |
//! | [`threshold`] | legal thresholds as exact percentages |
//! | [`ratio`] | exact decimals read from text |
//! | [`votes`] | named vote counts with checked names |
//! | [`district`] | single-member races with the "against all" line |
//! | [`system`] | list and single-member tiers, bodies, and the Kazakh presets with their legal sources |
//! | [`referendum`] | turnout and majority rules of republican referendums |
//! | `scenario` | JSON scenario files (with the default `serde` feature) |
//! | [`simulate`] | Monte Carlo projections, reproducible on any number of threads |
//! | [`metrics`] | disproportionality and fragmentation indices |
//! | [`fragility`] | the exact votes a party needs to gain, or can lose before losing, a seat |
//! | [`paradox`] | Alabama, population and new-states paradoxes and quota violations, with witnesses |
//! | [`compare`] | what-if tables: methods, thresholds, house sizes, designs (MMP) |
//! | [`svg`] | parliament diagrams and charts as standalone SVG |
//! | [`describe`] | one view per command (the JSON contract, tables, CSV rows), words and numbers for people, the HTML page (feature `html`) |
//! | [`request`] | one typed request per command, the layer every face (the `saylau` command, Python, a page) builds on |
//! | [`note`] | typed notes on results, with the unconfirmed rules they depend on |
//! | `tabular` | vote tables read from CSV, .xlsx and .ods bytes (with the `tabular` feature) |
//! | [`error`] | the crate's one error type |
//!
//! Features: `describe` (default: the [`describe`] and [`svg`] modules, and
//! with `serde` the [`request`] module; without it, the counting core
//! alone), `serde` (default: serde derives and the `scenario` module),
//! `parallel` (default: the simulator runs on all cores with rayon; the
//! result is the same without it), `tabular` (the `tabular` module: vote
//! tables from CSV text and workbooks, with `csv` and `calamine`), `html`
//! (the report page, with `askama`), `png` (pictures as PNG, with `resvg` and
//! an embedded font), `cli` (the `saylau` binary; it enables `serde`,
//! `tabular`, `html` and `png`).
//!
//! ## Limits
//!
//! Votes up to `2^64 - 1` per party, any number of parties that fits in
//! memory, and up to `u32::MAX` seats.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(missing_debug_implementations)]
#![doc(test(attr(deny(warnings))))]

// The layers, from the exact core up: `exact` (and the crate-private wide
// comparisons in `arith`), `apportion`, `rules`, `analysis`, `simulate`, and
// the edges: `scenario` (JSON in) and `svg` (pictures out).
mod analysis;
pub mod apportion;
mod arith;
#[cfg(feature = "describe")]
pub mod describe;
pub mod error;
mod exact;
mod numbers;
#[cfg(all(feature = "serde", feature = "describe"))]
pub mod request;
mod rules;
#[cfg(feature = "serde")]
pub mod scenario;
pub mod simulate;
#[cfg(feature = "describe")]
pub mod svg;
#[cfg(feature = "tabular")]
pub mod tabular;

pub use analysis::{compare, diff, fragility, metrics, paradox};
pub use exact::ratio;
pub use rules::{
    compensatory, district, names, note, official, party, referendum, runner_up, source, system, threshold,
    votes,
};

pub use apportion::{
    Allocation, Apportioner, Audit, Decision, DivisorAudit, DivisorRow, ExcessPolicy, Method, Quota,
    QuotaAudit, QuotaRow, Quotient, TieBreak, TieResolution,
};
pub use error::{Error, ErrorKind, Result};
pub use ratio::Ratio;
pub use threshold::Threshold;
pub use votes::PartyVotes;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
