//! Compares every apportionment method on one vote vector.
//!
//! Without arguments it uses the example of Wikipedia's D'Hondt article
//! (<https://en.wikipedia.org/wiki/D%27Hondt_method>): parties A 100,000,
//! B 80,000, C 30,000 and D 20,000 votes, 8 seats. It prints one table, a
//! row per method of [`Method::ALL`] and a column per party, and marks with
//! `*` each seat count that differs from D'Hondt's, with a summary of the
//! differences in the last column.
//!
//! Run it with:
//!
//! ```text
//! cargo run --release --example compare_methods
//! cargo run --release --example compare_methods -- Amanat=3431510 Auyl=693938 Respublica=547154 --seats 69
//! ```
//!
//! Votes may contain `_` or `,` as digit separators. Ties are broken by list
//! order (the party given first wins), so that every method gives a result.

use std::process::ExitCode;

use saylau::{Allocation, Method, TieBreak};

const USAGE: &str = "usage: compare_methods [NAME=VOTES ... --seats N]\n\
                     without arguments: Wikipedia's D'Hondt example (A=100000 B=80000 C=30000 D=20000 --seats 8)";

/// The parties' names and votes and the house size.
struct Input {
    names: Vec<String>,
    votes: Vec<u64>,
    seats: u32,
    source: &'static str,
}

fn wikipedia() -> Input {
    Input {
        names: ["A", "B", "C", "D"].map(String::from).to_vec(),
        votes: vec![100_000, 80_000, 30_000, 20_000],
        seats: 8,
        source: "Wikipedia, D'Hondt method, example (https://en.wikipedia.org/wiki/D%27Hondt_method)",
    }
}

fn parse_number<T: std::str::FromStr>(s: &str, what: &str) -> Result<T, String> {
    s.replace(['_', ','], "").parse().map_err(|_| format!("invalid {what}: {s:?}"))
}

fn parse(args: &[String]) -> Result<Input, String> {
    if args.is_empty() {
        return Ok(wikipedia());
    }
    let (mut names, mut votes, mut seats) = (Vec::new(), Vec::new(), None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "--seats" {
            let n = it.next().ok_or("--seats needs a number")?;
            seats = Some(parse_number(n, "seat count")?);
        } else if let Some(n) = arg.strip_prefix("--seats=") {
            seats = Some(parse_number(n, "seat count")?);
        } else if let Some((name, v)) = arg.split_once('=') {
            if name.is_empty() {
                return Err(format!("party without a name: {arg:?}"));
            }
            names.push(name.to_string());
            votes.push(parse_number(v, "vote count")?);
        } else {
            return Err(format!("unexpected argument {arg:?}"));
        }
    }
    if names.is_empty() {
        return Err("no parties given".into());
    }
    let seats = seats.ok_or("missing --seats N")?;
    Ok(Input { names, votes, seats, source: "command line" })
}

#[expect(clippy::too_many_lines, reason = "an example reads top to bottom as a walk-through")]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let input = match parse(&args) {
        Ok(input) => input,
        Err(e) => {
            eprintln!("error: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };

    let results: Vec<(Method, Result<Allocation, saylau::Error>)> = Method::ALL
        .iter()
        .map(|&m| (m, m.apportioner().ties(TieBreak::ListOrder).apportion(&input.votes, input.seats)))
        .collect();
    let dhondt = match &results[0] {
        (Method::DHondt, Ok(a)) => a.seats().to_vec(),
        (_, Err(e)) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
        _ => unreachable!("Method::ALL starts with D'Hondt"),
    };

    println!("{} seats; votes from {}.", input.seats, input.source);
    println!();
    let label_width = results.iter().map(|(m, _)| m.label().chars().count()).max().unwrap_or(6);
    let widths: Vec<usize> = input
        .names
        .iter()
        .zip(&input.votes)
        .map(|(n, v)| n.chars().count().max(v.to_string().len()).max(4))
        .collect();
    print!("{:<label_width$}", "method");
    for (name, w) in input.names.iter().zip(&widths) {
        print!("  {name:>w$} ");
    }
    println!("  vs D'Hondt");
    print!("{:<label_width$}", "votes");
    for (v, w) in input.votes.iter().zip(&widths) {
        print!("  {v:>w$} ");
    }
    println!();
    for (method, result) in &results {
        print!("{:<label_width$}", method.label());
        match result {
            Ok(allocation) => {
                let mut changes = Vec::new();
                for (i, (s, w)) in allocation.seats().iter().zip(&widths).enumerate() {
                    let differs = *s != dhondt[i];
                    let cell = if differs { format!("{s}*") } else { format!("{s} ") };
                    print!("  {cell:>w$}", w = w + 1);
                    if differs {
                        changes.push(format!(
                            "{} {:+}",
                            input.names[i],
                            i64::from(*s) - i64::from(dhondt[i])
                        ));
                    }
                }
                let mut note = if changes.is_empty() { "same".to_string() } else { changes.join(", ") };
                if let Some(tie) = allocation.tie() {
                    let names = |ps: &[usize]| {
                        ps.iter().map(|&p| input.names[p].as_str()).collect::<Vec<_>>().join(" ")
                    };
                    note.push_str(&format!(
                        " (tie: {} for {} seat(s), won by {} in list order)",
                        names(&tie.parties),
                        tie.seats,
                        names(&tie.winners)
                    ));
                }
                println!("  {note}");
            }
            Err(e) => println!("  error: {e}"),
        }
    }
    println!();
    println!(
        "* differs from D'Hondt. Exact ties are broken by list order (the party given first wins) and noted."
    );
    ExitCode::SUCCESS
}
