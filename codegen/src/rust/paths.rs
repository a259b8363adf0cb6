//! Shortening std paths: emitters write absolute paths (`::std::option::Option::Some`); before a file
//! is parsed, each one whose last name is in the std prelude (`Some`, `Option`, `String`, `Vec`, ...)
//! becomes that bare name, unless the file defines an item of that name (a shape called `Option`), in
//! which case the absolute path stays. Generated files import nothing, so the prelude name is std's
//! everywhere else. Less code to parse, format and compile; the same meaning.

use proc_macro2::{Group, TokenStream, TokenTree};
use std::collections::BTreeSet;

/// Absolute paths (as identifier sequences after the leading `::`) and the prelude name each becomes.
const SHORT: &[(&[&str], &str)] = &[
    (&["std", "option", "Option", "Some"], "Some"),
    (&["std", "option", "Option", "None"], "None"),
    (&["std", "option", "Option"], "Option"),
    (&["std", "result", "Result", "Ok"], "Ok"),
    (&["std", "result", "Result", "Err"], "Err"),
    (&["std", "result", "Result"], "Result"),
    (&["std", "string", "String"], "String"),
    (&["std", "vec", "Vec"], "Vec"),
    (&["std", "boxed", "Box"], "Box"),
    (&["std", "default", "Default"], "Default"),
    (&["std", "convert", "Into"], "Into"),
    (&["std", "convert", "From"], "From"),
];

/// Rewrite `tokens`, keeping absolute paths whose short name is in `local` (names the file defines).
pub fn shorten(tokens: TokenStream, local: &BTreeSet<String>) -> TokenStream {
    let mut trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out: Vec<TokenTree> = Vec::with_capacity(trees.len());
    let mut i = 0;
    while i < trees.len() {
        // Cheap test first: only `::std` can start a path to shorten.
        let starts_std = matches!(&trees[i], TokenTree::Punct(p) if p.as_char() == ':')
            && matches!(trees.get(i + 2), Some(TokenTree::Ident(id)) if id == "std");
        if starts_std {
            if let Some((consumed, name)) = match_path(&trees[i..], local) {
                out.push(TokenTree::Ident(proc_macro2::Ident::new(
                    name,
                    trees[i].span(),
                )));
                i += consumed;
                continue;
            }
        }
        let placeholder =
            TokenTree::Punct(proc_macro2::Punct::new('.', proc_macro2::Spacing::Alone));
        match std::mem::replace(&mut trees[i], placeholder) {
            TokenTree::Group(g) => {
                let mut ng = Group::new(g.delimiter(), shorten(g.stream(), local));
                ng.set_span(g.span());
                out.push(TokenTree::Group(ng));
            }
            t => out.push(t),
        }
        i += 1;
    }
    out.into_iter().collect()
}

/// `::a::b::c` at the start of `t`: how many tokens it spans and its short name.
fn match_path(t: &[TokenTree], local: &BTreeSet<String>) -> Option<(usize, &'static str)> {
    let is_colon =
        |x: Option<&TokenTree>| matches!(x, Some(TokenTree::Punct(p)) if p.as_char() == ':');
    'candidates: for (segs, short) in SHORT {
        let mut k = 0;
        for seg in segs.iter() {
            if !(is_colon(t.get(k)) && is_colon(t.get(k + 1))) {
                continue 'candidates;
            }
            match t.get(k + 2) {
                Some(TokenTree::Ident(id)) if id == seg => k += 3,
                _ => continue 'candidates,
            }
        }
        // Longer paths come first in SHORT, so `Option::Some` wins over `Option`; a longer path
        // (`::std::vec::Vec::new`) keeps its tail (`Vec::new`).
        if local.contains(*short) {
            return None;
        }
        return Some((k, short));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn run(t: TokenStream, local: &[&str]) -> String {
        shorten(t, &local.iter().map(|s| s.to_string()).collect()).to_string()
    }

    #[test]
    fn prelude_paths_become_short_unless_shadowed() {
        let t = quote!(
            fn f(x: ::std::option::Option<::std::string::String>) -> ::std::vec::Vec<u8> {
                ::std::option::Option::Some(::std::boxed::Box::new(1));
                ::std::default::Default::default()
            }
        );
        assert_eq!(
            run(t.clone(), &[]),
            quote!(
                fn f(x: Option<String>) -> Vec<u8> {
                    Some(Box::new(1));
                    Default::default()
                }
            )
            .to_string()
        );
        let kept = run(t, &["Option", "Some"]);
        assert!(
            kept.contains(":: std :: option :: Option < String >"),
            "{kept}"
        );
        assert!(
            kept.contains(":: std :: option :: Option :: Some"),
            "{kept}"
        );
        let other = run(quote!(::std::fmt::Result, ::std::vec::Vec::new()), &[]);
        assert_eq!(other, quote!(::std::fmt::Result, Vec::new()).to_string());
    }
}
