//! Apportionment: divisor (highest averages) and largest-remainder methods,
//! computed exactly, with ties reported and an audit trail on request.
//!
//! | method | CLI name | rule |
//! |---|---|---|
//! | [`Method::DHondt`] | `dhondt`, `jefferson` | divisors 1, 2, 3, ...; favours large parties |
//! | [`Method::SainteLague`] | `sainte-lague`, `webster` | divisors 1, 3, 5, ...; neutral |
//! | [`Method::ModifiedSainteLague`] | `modified-sainte-lague[:F]` | divisors F, 3, 5, ... (F = 1.4 by default) |
//! | [`Method::HuntingtonHill`] | `huntington-hill` | divisors sqrt(s(s+1)); every party with votes first gets one seat |
//! | [`Method::Adams`] | `adams` | divisors 0, 1, 2, ...; favours small parties |
//! | [`Method::Dean`] | `dean` | harmonic mean of s and s+1 |
//! | [`Method::Danish`] | `danish` | divisors 1, 4, 7, ... |
//! | [`Method::Imperiali`] | `imperiali` | divisors 2, 3, 4, ...; strongly favours large parties |
//! | [`Quota::Hare`] | `hare`, `hamilton` | largest remainder, quota V/S |
//! | [`Quota::Droop`] | `droop` | largest remainder, quota floor(V/(S+1)) + 1 |
//! | [`Quota::HagenbachBischoff`] | `hagenbach-bischoff` | largest remainder, quota V/(S+1) |
//! | [`Quota::Imperiali`] | `imperiali-quota` | largest remainder, quota V/(S+2) |
//!
//! # Exactness
//!
//! Votes are `u64`, totals `u128`, and every comparison of two quotients
//! `v_i / d_i` and `v_j / d_j` is made by cross-multiplication of integers
//! (a 256-bit product where `u128` could overflow). Divisors with fractions
//! are scaled to integers: Sainte-Laguë's `s + 1/2` as `2s + 1`, Danish as
//! `3s + 1`, Dean's harmonic mean `2s(s+1)/(2s+1)` as a fraction, and
//! Huntington-Hill's `sqrt(s(s+1))` by comparing squared quotients. Floats are
//! used only to guess a starting point, which exact steps then correct.
//!
//! # Speed
//!
//! Divisor methods start from a divisor estimate `V / (S + P(c - 1/2))` that
//! gives every party its seats in one pass, then correct the few wrong seats
//! with exact comparisons (two heaps when there are many parties). The cost
//! follows the number of parties, not the number of seats.
//!
//! Largest-remainder methods decide once per call whether `V m` (the total
//! times the quota's multiplier `m = S`, `S + 1` or `S + 2`; for Droop the
//! total) fits in a `u64`. If so, which is every real election, each party's
//! whole seats and remainder take a multiplication by the precomputed
//! reciprocal of the divisor and one exact correction, with no division;
//! otherwise the same steps run on `u128`. Remainders share one denominator,
//! so they are compared as integers. The remainder seats are picked by a
//! sorting network (up to 8 parties) or a linear-time selection; up to 64
//! parties nothing is allocated but the result.
//!
//! For loops over many elections, [`Apportioner::apportion_into`] counts into
//! a caller-owned seats buffer with a reusable [`Scratch`], and allocates
//! nothing once the scratch has grown.

mod divisor;
mod quota;
mod tie;

use std::fmt;
use std::str::FromStr;

pub(crate) use tie::resolve as resolve_tie;
pub use tie::{TieBreak, TieResolution};

use crate::arith::cmp_products;
use crate::error::{Error, Result};
use crate::ratio::Ratio;

/// A quota for the largest-remainder method.
///
/// With `V` the votes of the parties taking part and `S` the seats, each
/// party first gets `floor(votes / quota)` seats; the seats left go one each to
/// the largest remainders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Quota {
    /// [Hare quota] `V / S` (Hamilton's method). Kazakhstan's list tier.
    ///
    /// [Hare quota]: https://en.wikipedia.org/wiki/Hare_quota
    Hare,
    /// [Droop quota] `floor(V / (S + 1)) + 1`, a whole number.
    ///
    /// [Droop quota]: https://en.wikipedia.org/wiki/Droop_quota
    Droop,
    /// [Hagenbach-Bischoff quota] `V / (S + 1)`, exact. Can hand out one seat
    /// too many when every party's share is a whole number of quotas; see
    /// [`ExcessPolicy`].
    ///
    /// [Hagenbach-Bischoff quota]: https://en.wikipedia.org/wiki/Hagenbach-Bischoff_quota
    HagenbachBischoff,
    /// [Imperiali quota] `V / (S + 2)`. Can hand out up to two seats too many;
    /// see [`ExcessPolicy`].
    ///
    /// [Imperiali quota]: https://en.wikipedia.org/wiki/Imperiali_quota
    Imperiali,
}

impl Quota {
    /// The quota's name as in error messages (`"Hare"`, ...).
    pub fn label(self) -> &'static str {
        match self {
            Quota::Hare => "Hare",
            Quota::Droop => "Droop",
            Quota::HagenbachBischoff => "Hagenbach-Bischoff",
            Quota::Imperiali => "Imperiali",
        }
    }
}

/// An apportionment method. See the [module docs](self) for the table.
///
/// # Example
///
/// ```
/// # use saylau::Method;
/// // Wikipedia's D'Hondt example: 8 seats, parties A to D.
/// let votes = [100_000, 80_000, 30_000, 20_000];
/// assert_eq!(Method::DHondt.apportion(&votes, 8)?.seats(), &[4, 3, 1, 0]);
/// assert_eq!(Method::SainteLague.apportion(&votes, 8)?.seats(), &[3, 3, 1, 1]);
/// let m: Method = "Hamilton".parse()?;
/// assert_eq!(m, Method::HARE);
/// # Ok::<(), saylau::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// [D'Hondt] (Jefferson): divisors 1, 2, 3, ... Never violates lower
    /// quota; favours larger parties.
    ///
    /// [D'Hondt]: https://en.wikipedia.org/wiki/D%27Hondt_method
    DHondt,
    /// [Sainte-Laguë] (Webster): divisors 1, 3, 5, ... (that is, `s + 1/2`).
    ///
    /// [Sainte-Laguë]: https://en.wikipedia.org/wiki/Sainte-Lagu%C3%AB_method
    SainteLague,
    /// Modified Sainte-Laguë: first divisor `F` (a [`Ratio`], 1.4 in Norway and
    /// Sweden until 2018), then 3, 5, 7, ... `F` must be in `(0, 3)`.
    ModifiedSainteLague(Ratio),
    /// [Huntington-Hill] (equal proportions, the US House): divisors
    /// `sqrt(s(s+1))`, so every party with votes gets a seat before any gets
    /// two. With fewer seats than such parties, they all tie for the seats.
    ///
    /// [Huntington-Hill]: https://en.wikipedia.org/wiki/Huntington%E2%80%93Hill_method
    HuntingtonHill,
    /// Adams: divisors 0, 1, 2, ...; every party with votes gets a seat
    /// first. Never violates upper quota; favours smaller parties.
    Adams,
    /// Dean: divisors `2s(s+1)/(2s+1)`, the harmonic mean of `s` and `s + 1`;
    /// every party with votes gets a seat first.
    Dean,
    /// Danish: divisors 1, 4, 7, ... (`s + 1/3`).
    Danish,
    /// Imperiali (divisor method): divisors 2, 3, 4, ...
    Imperiali,
    /// Largest remainder with the given [`Quota`].
    LargestRemainder(Quota),
}

/// Every method with its name as typed (on the command line, in scenarios,
/// in requests) and its other names: the one table that reading a method,
/// [`Method::ALL`] and the error of an unknown name are made from.
pub const NAMES: [(Method, &str, &[&str]); 12] = [
    (Method::DHondt, "dhondt", &["jefferson", "d-hondt"]),
    (Method::SainteLague, "sainte-lague", &["webster", "sainte-laguë"]),
    (Method::MODIFIED_SAINTE_LAGUE, "modified-sainte-lague", &["modified-sainte-laguë"]),
    (Method::HuntingtonHill, "huntington-hill", &["equal-proportions"]),
    (Method::Adams, "adams", &[]),
    (Method::Dean, "dean", &[]),
    (Method::Danish, "danish", &[]),
    (Method::Imperiali, "imperiali", &[]),
    (Method::HARE, "hare", &["hamilton", "largest-remainder"]),
    (Method::DROOP, "droop", &[]),
    (Method::HAGENBACH_BISCHOFF, "hagenbach-bischoff", &[]),
    (Method::IMPERIALI_QUOTA, "imperiali-quota", &[]),
];

impl Method {
    /// Hare largest remainder (Hamilton).
    pub const HARE: Method = Method::LargestRemainder(Quota::Hare);
    /// Droop largest remainder.
    pub const DROOP: Method = Method::LargestRemainder(Quota::Droop);
    /// Hagenbach-Bischoff largest remainder.
    pub const HAGENBACH_BISCHOFF: Method = Method::LargestRemainder(Quota::HagenbachBischoff);
    /// Imperiali-quota largest remainder.
    pub const IMPERIALI_QUOTA: Method = Method::LargestRemainder(Quota::Imperiali);
    /// Modified Sainte-Laguë with the first divisor 1.4.
    pub const MODIFIED_SAINTE_LAGUE: Method = Method::ModifiedSainteLague(Ratio::from_parts(7, 5));

    /// Every method, in the order of the module table.
    pub const ALL: [Method; 12] = {
        let mut all = [Method::DHondt; 12];
        let mut i = 0;
        while i < 12 {
            all[i] = NAMES[i].0;
            i += 1;
        }
        all
    };

    /// The methods' names as typed, with their other names: the list error
    /// messages give, `dhondt (jefferson), sainte-lague (webster), ...`.
    ///
    /// ```
    /// # use saylau::Method;
    /// assert!(Method::names().starts_with("dhondt (jefferson, d-hondt), sainte-lague (webster"));
    /// ```
    pub fn names() -> String {
        let one = |(m, name, others): &(Method, &str, &[&str])| {
            let name = if matches!(m, Method::ModifiedSainteLague(_)) {
                format!("{name}[:FIRST]")
            } else {
                name.to_string()
            };
            if others.is_empty() { name } else { format!("{name} ({})", others.join(", ")) }
        };
        NAMES.iter().map(one).collect::<Vec<_>>().join(", ")
    }

    /// Modified Sainte-Laguë with first divisor `first`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDivisor`] unless `0 < first < 3` and its denominator fits
    /// in a `u64`.
    pub fn modified_sainte_lague(first: Ratio) -> Result<Method> {
        let m = Method::ModifiedSainteLague(first);
        m.validate()?;
        Ok(m)
    }

    /// Is this a divisor (highest averages) method?
    pub fn is_divisor(&self) -> bool {
        !matches!(self, Method::LargestRemainder(_))
    }

    /// A readable name, such as `"D'Hondt"` or `"Hare largest remainder"`.
    pub fn label(&self) -> String {
        match self {
            Method::DHondt => "D'Hondt".into(),
            Method::SainteLague => "Sainte-Laguë".into(),
            Method::ModifiedSainteLague(f) => format!("modified Sainte-Laguë ({f})"),
            Method::HuntingtonHill => "Huntington-Hill".into(),
            Method::Adams => "Adams".into(),
            Method::Dean => "Dean".into(),
            Method::Danish => "Danish".into(),
            Method::Imperiali => "Imperiali".into(),
            Method::LargestRemainder(q) => format!("{} largest remainder", q.label()),
        }
    }

    /// An [`Apportioner`] for this method with the default policies.
    pub fn apportioner(self) -> Apportioner {
        Apportioner::new(self)
    }

    /// Allocates `seats` seats to parties with `votes`, with ties refused
    /// ([`TieBreak::Error`]) and the default [`ExcessPolicy`].
    ///
    /// # Errors
    ///
    /// As [`Apportioner::apportion`].
    #[inline]
    pub fn apportion(&self, votes: &[u64], seats: u32) -> Result<Allocation> {
        Apportioner::new(*self).apportion(votes, seats)
    }

    #[inline]
    fn validate(&self) -> Result<()> {
        if let Method::ModifiedSainteLague(f) = self {
            let ok = f.numer() > 0 && f.denom() <= u64::MAX as u128 && f.numer() < 3 * f.denom();
            if !ok {
                return Err(Error::InvalidDivisor { value: f.to_string() });
            }
        }
        Ok(())
    }
}

impl fmt::Display for Method {
    /// The canonical CLI name, e.g. `dhondt`, `hare`, `modified-sainte-lague`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Method::DHondt => "dhondt",
            Method::SainteLague => "sainte-lague",
            Method::ModifiedSainteLague(r) if *r == Ratio::from_parts(7, 5) => "modified-sainte-lague",
            Method::ModifiedSainteLague(r) => return write!(f, "modified-sainte-lague:{r}"),
            Method::HuntingtonHill => "huntington-hill",
            Method::Adams => "adams",
            Method::Dean => "dean",
            Method::Danish => "danish",
            Method::Imperiali => "imperiali",
            Method::LargestRemainder(Quota::Hare) => "hare",
            Method::LargestRemainder(Quota::Droop) => "droop",
            Method::LargestRemainder(Quota::HagenbachBischoff) => "hagenbach-bischoff",
            Method::LargestRemainder(Quota::Imperiali) => "imperiali-quota",
        })
    }
}

impl FromStr for Method {
    type Err = Error;

    /// Reads a CLI name or alias, in any case; `modified-sainte-lague:1.2`
    /// sets the first divisor.
    fn from_str(s: &str) -> Result<Method> {
        let lower = s.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        let lower = lower.replace('\'', "");
        if let Some((m, _, _)) =
            NAMES.iter().find(|(_, name, others)| *name == lower || others.contains(&lower.as_str()))
        {
            return Ok(*m);
        }
        let first = lower
            .strip_prefix("modified-sainte-lague:")
            .or_else(|| lower.strip_prefix("modified-sainte-laguë:"))
            .ok_or_else(|| Error::UnknownMethod(s.to_string()))?;
        Method::modified_sainte_lague(first.parse()?)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Method {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Method {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// What a largest-remainder method does when its quota hands out more whole
/// seats than the house has.
///
/// This happens only with the [Hagenbach-Bischoff](Quota::HagenbachBischoff)
/// quota (at most one seat too many, when every party's votes are an exact
/// multiple of the quota) and the [Imperiali](Quota::Imperiali) quota (at most
/// two). Hare and Droop never over-allocate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum ExcessPolicy {
    /// Take the extra seats back, one per party, from the parties holding
    /// whole seats whose remainders are smallest (equal remainders: the
    /// [`TieBreak`] policy decides who keeps the seat). Recorded in the audit.
    #[default]
    #[cfg_attr(feature = "serde", serde(alias = "remove"))]
    RemoveSmallestRemainders,
    /// Refuse with [`Error::OverAllocation`].
    Error,
}

/// An apportionment method with its tie-break and over-allocation policies.
///
/// # Example
///
/// ```
/// # use saylau::{Method, TieBreak};
/// let a = Method::HARE.apportioner().ties(TieBreak::ListOrder);
/// // 3 equal parties, 2 seats: the two listed first win.
/// let alloc = a.apportion(&[10, 10, 10], 2)?;
/// assert_eq!(alloc.seats(), &[1, 1, 0]);
/// assert_eq!(alloc.tie().unwrap().parties, vec![0, 1, 2]);
/// # Ok::<(), saylau::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Apportioner {
    method: Method,
    ties: TieBreak,
    excess: ExcessPolicy,
}

impl Apportioner {
    /// `method` with ties refused and the default [`ExcessPolicy`].
    pub fn new(method: Method) -> Apportioner {
        Apportioner { method, ties: TieBreak::Error, excess: ExcessPolicy::default() }
    }

    /// Sets the tie-break policy.
    pub fn ties(mut self, ties: TieBreak) -> Apportioner {
        self.ties = ties;
        self
    }

    /// Sets the over-allocation policy of quota methods.
    pub fn excess(mut self, excess: ExcessPolicy) -> Apportioner {
        self.excess = excess;
        self
    }

    /// The method.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The tie-break policy.
    pub fn tie_break(&self) -> TieBreak {
        self.ties
    }

    /// Allocates `seats` seats among parties with `votes` (input order).
    ///
    /// Parties with zero votes never get a seat. To apply a legal threshold,
    /// pass zero for the parties below it (see [`crate::Threshold`]).
    ///
    /// # Errors
    ///
    /// - [`Error::NoParties`] if `votes` is empty; [`Error::ZeroVotes`] if all are zero;
    /// - [`Error::NoSeats`] if `seats` is zero;
    /// - [`Error::InvalidDivisor`] for a modified Sainte-Laguë divisor outside `(0, 3)`;
    /// - [`Error::Tie`] if the last seats are tied and the policy cannot decide;
    /// - [`Error::OverAllocation`] if a quota over-allocates under [`ExcessPolicy::Error`].
    // The seats are counted straight into the returned `Allocation` (inline
    // up to 8 parties): no heap allocation and no copy of the seats for a
    // Mazhilis-sized count.
    #[inline]
    pub fn apportion(&self, votes: &[u64], seats: u32) -> Result<Allocation> {
        let (total, positive) = check(votes, seats)?;
        self.method.validate()?;
        let mut alloc = Allocation { method: self.method, seats: seats_buffer(votes.len()), tie: None };
        match self.dispatch(votes, seats, total, positive, &mut alloc.seats, None)? {
            Some(t) if t.is_open() => Err(Error::Tie { parties: t.parties, seats: t.seats }),
            tie => {
                alloc.tie = tie.map(Box::new);
                Ok(alloc)
            }
        }
    }

    /// Allocates as [`Apportioner::apportion`], but a tie the policy cannot
    /// break is an outcome, not an error: [`Decision::Tied`] gives the seats
    /// that are certain, the tied parties and the seats they contest, and
    /// [`Tie::resolve`] finishes the count by any policy without counting
    /// again.
    ///
    /// ```
    /// # use saylau::apportion::{Decision, Method};
    /// # use saylau::TieBreak;
    /// // D'Hondt, 4 seats: A's third quotient 300 equals B's second 300.
    /// let votes = [900, 600];
    /// let Decision::Tied(tie) = Method::DHondt.apportioner().decide(&votes, 4)? else { panic!() };
    /// assert_eq!(tie.certain(), &[2, 1]);
    /// assert_eq!((tie.tied(), tie.contested()), (&[0, 1][..], 1));
    /// let a = tie.resolve(TieBreak::ListOrder, &votes)?;
    /// assert_eq!(a.seats(), &[3, 1]);
    /// # Ok::<(), saylau::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Apportioner::apportion`], except [`Error::Tie`].
    #[inline]
    pub fn decide(&self, votes: &[u64], seats: u32) -> Result<Decision> {
        let (total, positive) = check(votes, seats)?;
        self.method.validate()?;
        let mut out = seats_buffer(votes.len());
        let tie = self.dispatch(votes, seats, total, positive, &mut out, None)?;
        Ok(settle(self.method, out, tie))
    }

    /// Allocates `seats` seats among parties with `votes` into the caller's
    /// buffer `out` (one entry per party, input order), reusing `scratch`:
    /// the same seats and tie as [`Apportioner::apportion`], for loops that
    /// count many elections (in the spirit of `rand_distr`'s
    /// `sample_to_slice` and `csv`'s `read_record`).
    ///
    /// Once `scratch` has grown to the number of parties, a call allocates
    /// nothing, except to record a tie that the policy broke (the returned
    /// [`TieResolution`]) and on rare slow paths: a largest-remainder method
    /// whose seats left outnumber the parties with votes, or whose quota
    /// over-allocates, and a divisor method whose float estimate must be
    /// repaired seat by seat.
    ///
    /// # Example
    ///
    /// ```
    /// # use saylau::{Method, TieBreak};
    /// use saylau::apportion::Scratch;
    ///
    /// let hare = Method::HARE.apportioner().ties(TieBreak::ListOrder);
    /// let mut seats = [0u32; 4];
    /// let mut scratch = Scratch::new();
    /// for swing in 0..3 {
    ///     let votes = [100_000 - swing * 10_000, 80_000, 30_000 + swing * 10_000, 20_000];
    ///     let tie = hare.apportion_into(&votes, 8, &mut seats, &mut scratch)?;
    ///     assert_eq!(tie, None);
    ///     assert_eq!(seats.to_vec(), hare.apportion(&votes, 8)?.into_seats());
    /// }
    /// assert_eq!(seats, [3, 3, 2, 0]);
    /// // A broken tie is returned, as `Allocation::tie` would report it.
    /// let tie = hare.apportion_into(&[10, 10, 10, 10], 2, &mut seats, &mut scratch)?;
    /// assert_eq!(seats, [1, 1, 0, 0]);
    /// assert_eq!(tie.unwrap().winners, vec![0, 1]);
    /// // A tie the policy refuses is an error here, as in `apportion`.
    /// assert!(Method::HARE.apportioner().apportion_into(&[10, 10], 1, &mut [0; 2], &mut scratch).is_err());
    /// # Ok::<(), saylau::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Apportioner::apportion`], and [`Error::InvalidNumber`] if
    /// `out.len() != votes.len()`. On an error the contents of `out` are
    /// unspecified.
    #[inline]
    pub fn apportion_into(
        &self,
        votes: &[u64],
        seats: u32,
        out: &mut [u32],
        scratch: &mut Scratch,
    ) -> Result<Option<TieResolution>> {
        match self.decide_into(votes, seats, out, scratch)? {
            Some(t) if t.is_open() => Err(Error::Tie { parties: t.parties, seats: t.seats }),
            tie => Ok(tie),
        }
    }

    /// As [`Apportioner::apportion_into`], but a tie the policy cannot break
    /// is returned open ([`TieResolution::is_open`]), with its provisional
    /// winners counted in `out`; [`Tie::from_open`] makes it a [`Tie`].
    #[inline]
    pub(crate) fn decide_into(
        &self,
        votes: &[u64],
        seats: u32,
        out: &mut [u32],
        scratch: &mut Scratch,
    ) -> Result<Option<TieResolution>> {
        let (total, positive) = check(votes, seats)?;
        if out.len() != votes.len() {
            return Err(Error::LengthMismatch {
                what: "output buffer entries for the vote counts",
                expected: votes.len(),
                given: out.len(),
            });
        }
        self.method.validate()?;
        self.dispatch(votes, seats, total, positive, out, Some(scratch))
    }

    /// The method's count into `out`, with the caller's `scratch` or, without
    /// one, the stack (or a buffer for the call). Inlined into each caller
    /// so that the common path keeps its values in registers.
    #[inline(always)]
    fn dispatch(
        &self,
        votes: &[u64],
        seats: u32,
        total: u128,
        positive: usize,
        out: &mut [u32],
        scratch: Option<&mut Scratch>,
    ) -> Result<Option<TieResolution>> {
        match (self.method, scratch) {
            (Method::LargestRemainder(q), scratch) => quota::apportion_into(
                &quota::Input {
                    quota: q,
                    votes,
                    total,
                    positive,
                    seats,
                    ties: self.ties,
                    excess: self.excess,
                },
                out,
                match scratch {
                    Some(s) => quota::Buffer::Reuse(&mut s.keys),
                    None => quota::Buffer::Local,
                },
            ),
            (m, scratch) => {
                let mut own = divisor::Buffers::default();
                let buffers = match scratch {
                    Some(s) => &mut s.buffers,
                    None => &mut own,
                };
                let input = divisor::Input { votes, total, positive, seats, ties: self.ties };
                divisor::apportion_into(divisor::Kind::of(m), &input, out, buffers)
            }
        }
    }

    /// Why `allocation` came out as it did: for divisor methods each party's
    /// last and next quotient and the range of divisors that give this
    /// result; for quota methods the quota, each party's whole seats and
    /// remainder, and which remainders won.
    ///
    /// # Example
    ///
    /// ```
    /// # use saylau::{Audit, Method};
    /// let votes = [100_000, 80_000, 30_000, 20_000];
    /// let a = Method::DHondt.apportioner();
    /// let audit = a.explain(&votes, &a.apportion(&votes, 8)?)?;
    /// let Audit::Divisor(d) = audit else { unreachable!() };
    /// // The 8th seat went at quotient 25,000 (A's 4th); the best loser is
    /// // B's 4th at 20,000: any divisor in (20,000, 25,000] gives this result.
    /// assert_eq!(d.lowest_winning.unwrap().to_f64(), 25_000.0);
    /// assert_eq!(d.highest_losing.unwrap().to_f64(), 20_000.0);
    /// # Ok::<(), saylau::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Apportioner::apportion`] for the inputs; the allocation must have
    /// one entry per party.
    pub fn explain(&self, votes: &[u64], allocation: &Allocation) -> Result<Audit> {
        let (total, _) = check(votes, allocation.total_seats())?;
        if allocation.seats.len() != votes.len() {
            return Err(Error::LengthMismatch {
                what: "allocation entries for the vote counts",
                expected: votes.len(),
                given: allocation.seats.len(),
            });
        }
        Ok(match self.method {
            Method::LargestRemainder(q) => {
                Audit::Quota(quota::explain(q, votes, total, &allocation.seats, allocation.total_seats()))
            }
            m => Audit::Divisor(divisor::explain(divisor::Kind::of(m), votes, &allocation.seats)),
        })
    }
}

/// Reusable working memory for [`Apportioner::apportion_into`]: key buffers
/// of the largest-remainder methods and heap storage of the divisor methods.
///
/// Start with [`Scratch::new`] (which allocates nothing) and pass the same
/// value to every call of a loop; it grows to the largest number of parties
/// seen and is then reused. Any `Scratch` works with any method and any vote
/// vector: it holds no result, only capacity.
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    keys: quota::Keys,
    buffers: divisor::Buffers,
}

impl Scratch {
    /// An empty scratch space; it allocates on first use.
    pub fn new() -> Scratch {
        Scratch::default()
    }
}

/// Validates the inputs; returns the vote total and the number of parties with votes.
fn check(votes: &[u64], seats: u32) -> Result<(u128, usize)> {
    if votes.is_empty() {
        return Err(Error::NoParties);
    }
    if seats == 0 {
        return Err(Error::NoSeats);
    }
    let (mut total, mut positive) = (0u128, 0usize);
    for &v in votes {
        total += v as u128;
        positive += (v > 0) as usize;
    }
    if total == 0 {
        return Err(Error::ZeroVotes);
    }
    Ok((total, positive))
}

/// The seats each party won, in input order, and the tie broken, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Allocation {
    method: Method,
    seats: Seats,
    /// Boxed: ties are rare, and a small allocation is quicker to move.
    tie: Option<Box<TieResolution>>,
}

/// Seats per party: inline up to 8 parties (no heap allocation for the
/// result of a small count), on the heap beyond.
type Seats = smallvec::SmallVec<[u32; 8]>;

/// A seats buffer for `n` parties. Its contents do not matter (the methods
/// write every entry): zeros inline, and on the heap a fill that is not zero,
/// because a zeroed allocation is a `calloc`, which skips glibc's thread
/// cache.
#[inline(always)]
fn seats_buffer(n: usize) -> Seats {
    if n <= 8 { Seats::from_buf_and_len([0; 8], n) } else { smallvec::smallvec![u32::MAX; n] }
}

impl Allocation {
    /// Seats per party, in input order.
    pub fn seats(&self) -> &[u32] {
        &self.seats
    }

    /// Consumes the allocation, returning the seats per party (for up to 8
    /// parties, kept inline until now, this allocates the vector).
    pub fn into_seats(self) -> Vec<u32> {
        self.seats.into_vec()
    }

    /// The method that made it.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The tie the policy broke to make it, if any.
    pub fn tie(&self) -> Option<&TieResolution> {
        self.tie.as_deref()
    }

    /// The sum of all parties' seats: the house size.
    pub fn total_seats(&self) -> u32 {
        // The algorithms give exactly the house size, which is a u32.
        self.seats.iter().map(|&s| s as u64).sum::<u64>().min(u32::MAX as u64) as u32
    }
}

/// The count's result: decided, or tied with the provisional winners'
/// contested seats taken back.
#[inline]
fn settle(method: Method, seats: Seats, tie: Option<TieResolution>) -> Decision {
    match tie {
        Some(t) if t.is_open() => Decision::Tied(Tie::from_open(method, seats.into_vec(), t)),
        tie => Decision::Decided(Allocation { method, seats, tie: tie.map(Box::new) }),
    }
}

/// What a count decided: every seat, or every seat but those the tied
/// parties contest. See [`Apportioner::decide`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Every seat is given (a tie the policy broke is recorded in the
    /// allocation).
    Decided(Allocation),
    /// The last seats are contested by parties with exactly equal claims,
    /// and the policy does not choose.
    Tied(Tie),
}

/// A tie that no rule broke: the seats that are certain, the tied parties
/// and the seats they contest. Each tied party can take at most one of the
/// contested seats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tie {
    method: Method,
    certain: Vec<u32>,
    tied: Vec<usize>,
    contested: u32,
}

impl Tie {
    /// The tie of a count left open ([`TieResolution::is_open`]) with
    /// `seats`, its provisional winners included (see
    /// [`Apportioner::decide_into`]).
    pub(crate) fn from_open(method: Method, mut certain: Vec<u32>, open: TieResolution) -> Tie {
        for &w in open.winners.iter().filter(|w| open.parties.contains(w)) {
            certain[w] = certain[w].saturating_sub(1);
        }
        Tie { method, certain, tied: open.parties, contested: open.seats }
    }

    /// The seats each party holds whatever the draw, in input order.
    pub fn certain(&self) -> &[u32] {
        &self.certain
    }

    /// The tied parties, in input order.
    pub fn tied(&self) -> &[usize] {
        &self.tied
    }

    /// How many seats they contest (fewer than the tied parties).
    pub fn contested(&self) -> u32 {
        self.contested
    }

    /// The count finished by `policy`, without counting again; `votes` are
    /// the votes of the count (for [`TieBreak::MoreVotes`]).
    ///
    /// # Errors
    ///
    /// [`Error::Tie`] if `policy` cannot break it either ([`TieBreak::Error`],
    /// or equal votes under [`TieBreak::MoreVotes`]); [`Error::LengthMismatch`]
    /// if `votes` are not the count's (one per party).
    ///
    /// ```
    /// # use saylau::{Decision, Error, Method};
    /// let Decision::Tied(tie) = Method::DHondt.apportioner().decide(&[5, 5], 1)? else { unreachable!() };
    /// assert!(matches!(tie.resolve(saylau::TieBreak::MoreVotes, &[]), Err(Error::LengthMismatch { .. })));
    /// assert_eq!(tie.resolve(saylau::TieBreak::ListOrder, &[5, 5])?.seats(), &[1, 0]);
    /// # Ok::<(), saylau::Error>(())
    /// ```
    pub fn resolve(&self, policy: TieBreak, votes: &[u64]) -> Result<Allocation> {
        if votes.len() != self.certain.len() {
            return Err(Error::LengthMismatch {
                what: "vote counts for the parties of the tie's count",
                expected: self.certain.len(),
                given: votes.len(),
            });
        }
        let r = tie::resolve(self.tied.clone(), self.contested, votes, policy)?;
        if r.is_open() {
            return Err(Error::Tie { parties: r.parties, seats: r.seats });
        }
        let mut seats = Seats::from_slice(&self.certain);
        for &w in &r.winners {
            seats[w] += 1;
        }
        Ok(Allocation { method: self.method, seats, tie: Some(Box::new(r)) })
    }

    /// The count finished with `party` losing the draw: the contested seats
    /// go to the other tied parties, those listed first. The least `party`
    /// can count on whatever the draw (used by
    /// [`fragility`](crate::fragility)).
    pub fn resolve_against(&self, party: usize) -> Allocation {
        let mut seats = Seats::from_slice(&self.certain);
        let winners: Vec<usize> =
            self.tied.iter().copied().filter(|&p| p != party).take(self.contested as usize).collect();
        for &w in &winners {
            seats[w] += 1;
        }
        let tie = TieResolution {
            parties: self.tied.clone(),
            seats: self.contested,
            winners,
            policy: TieBreak::ListOrder,
        };
        Allocation { method: self.method, seats, tie: Some(Box::new(tie)) }
    }
}

/// An exact quotient `numer / denom` of votes per seat (for Huntington-Hill,
/// the square of the quotient). An infinite quotient (`denom == 0`) is the
/// first-seat claim of methods whose first divisor is zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Quotient {
    numer: u128,
    denom: u128,
    squared: bool,
}

impl Quotient {
    pub(crate) fn new(numer: u128, denom: u128, squared: bool) -> Quotient {
        Quotient { numer, denom, squared }
    }

    /// The numerator (of the square, for Huntington-Hill).
    pub fn numer(&self) -> u128 {
        self.numer
    }

    /// The denominator (of the square, for Huntington-Hill); zero if infinite.
    pub fn denom(&self) -> u128 {
        self.denom
    }

    /// Is the exact value the square root of `numer / denom`?
    pub fn is_squared(&self) -> bool {
        self.squared
    }

    /// Is it the infinite claim of a party to its first seat?
    pub fn is_infinite(&self) -> bool {
        self.denom == 0
    }

    /// The nearest `f64`, for display only (infinite gives `f64::INFINITY`).
    pub fn to_f64(&self) -> f64 {
        if self.denom == 0 {
            return f64::INFINITY;
        }
        let x = self.numer as f64 / self.denom as f64;
        if self.squared { x.sqrt() } else { x }
    }

    /// Compares two quotients exactly; `None` if one is squared and the other not.
    pub fn cmp_exact(&self, other: &Quotient) -> Option<std::cmp::Ordering> {
        (self.squared == other.squared)
            .then(|| cmp_products(self.numer, other.denom, other.numer, self.denom))
    }
}

/// `{}` gives three decimals (`86546.652`); the alternate `{:#}` gives the
/// exact value in lowest terms: `n`, `n/d`, `sqrt(n/d)` (Huntington-Hill) or
/// `inf`.
///
/// ```
/// # use saylau::{Audit, Method};
/// let votes = [7, 2];
/// let a = Method::HARE.apportioner();
/// let Audit::Quota(q) = a.explain(&votes, &a.apportion(&votes, 2)?)? else { unreachable!() };
/// assert_eq!(format!("{:#}", q.quota), "9/2");
/// assert_eq!(format!("{}", q.quota), "4.500");
/// # Ok::<(), saylau::Error>(())
/// ```
impl fmt::Display for Quotient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_infinite() {
            return f.write_str("inf");
        }
        if !f.alternate() {
            return write!(f, "{:.3}", self.to_f64());
        }
        let g = crate::arith::gcd(self.numer(), self.denom()).max(1);
        let (n, d) = (self.numer() / g, self.denom() / g);
        match (self.is_squared(), d) {
            (false, 1) => write!(f, "{n}"),
            (false, _) => write!(f, "{n}/{d}"),
            (true, 1) => write!(f, "sqrt({n})"),
            (true, _) => write!(f, "sqrt({n}/{d})"),
        }
    }
}

/// Why an allocation came out as it did. See [`Apportioner::explain`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Audit {
    /// The trail of a divisor method.
    Divisor(DivisorAudit),
    /// The trail of a largest-remainder method.
    Quota(QuotaAudit),
}

/// The audit trail of a divisor method.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DivisorAudit {
    /// The smallest quotient that won a seat. Any divisor `x` with
    /// `highest_losing < x <= lowest_winning` gives this allocation (when the
    /// two are equal, a tie was broken at that quotient).
    pub lowest_winning: Option<Quotient>,
    /// The largest quotient that won no seat.
    pub highest_losing: Option<Quotient>,
    /// One row per party, in input order.
    pub parties: Vec<DivisorRow>,
}

/// One party's line in a [`DivisorAudit`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DivisorRow {
    /// Seats won.
    pub seats: u32,
    /// The quotient of its last seat won (`None` without seats).
    pub last_quotient: Option<Quotient>,
    /// The quotient of the seat it would win next (`None` with zero votes).
    pub next_quotient: Option<Quotient>,
}

/// The audit trail of a largest-remainder method.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct QuotaAudit {
    /// The quota in votes per seat.
    pub quota: Quotient,
    /// Whole seats handed out by the quota before remainders.
    pub whole_seats: u64,
    /// One row per party, in input order.
    pub parties: Vec<QuotaRow>,
}

/// One party's line in a [`QuotaAudit`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct QuotaRow {
    /// `floor(votes / quota)`.
    pub whole: u64,
    /// `votes - whole * quota`, in votes.
    pub remainder: Quotient,
    /// Seats beyond `whole`: +1 for a remainder seat (more if seats outnumber
    /// parties), negative when an over-allocation was taken back.
    pub adjustment: i64,
    /// Seats won.
    pub seats: u32,
}
