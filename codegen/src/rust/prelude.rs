//! Names from the std prelude (`Option`, `Some`, `String`, `Vec`, ...) in generated code.
//!
//! Emitters interpolate the constants of this module (`#OPTION<#t>`, `#SOME(v)`, `#VEC::new()`). Each
//! prints the bare prelude name, unless the file being generated defines an item of that name (a shape
//! called `Option`), in which case it prints the absolute std path (`::std::option::Option`). Generated
//! files import nothing, so a bare prelude name is std's everywhere else: less code to parse, format
//! and compile, the same meaning. Outside [`in_file`] (crate-level files that re-export every type)
//! every name prints its absolute path.

use proc_macro2::{Ident, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{ToTokens, TokenStreamExt};
use std::cell::Cell;

/// One prelude name and the std path it abbreviates.
pub struct PreludeName {
    /// Bit in the per-file shadow mask.
    bit: u16,
    short: &'static str,
    /// Path segments after the leading `::`.
    path: &'static [&'static str],
}

macro_rules! prelude_names {
    ($($konst:ident = $bit:literal, $short:literal, [$($seg:literal),+];)*) => {
        $(pub const $konst: PreludeName = PreludeName { bit: 1 << $bit, short: $short, path: &[$($seg),+] };)*
        /// Every name, to compute a file's shadow mask.
        const ALL: &[PreludeName] = &[$($konst),*];
    };
}

prelude_names! {
    OPTION = 0, "Option", ["std", "option", "Option"];
    SOME = 1, "Some", ["std", "option", "Option", "Some"];
    NONE = 2, "None", ["std", "option", "Option", "None"];
    RESULT = 3, "Result", ["std", "result", "Result"];
    OK = 4, "Ok", ["std", "result", "Result", "Ok"];
    ERR = 5, "Err", ["std", "result", "Result", "Err"];
    STRING = 6, "String", ["std", "string", "String"];
    VEC = 7, "Vec", ["std", "vec", "Vec"];
    BOX = 8, "Box", ["std", "boxed", "Box"];
    DEFAULT = 9, "Default", ["std", "default", "Default"];
    INTO = 10, "Into", ["std", "convert", "Into"];
    FROM = 11, "From", ["std", "convert", "From"];
}

thread_local! {
    /// Names the file being generated on this thread shadows (all of them outside `in_file`).
    static SHADOWED: Cell<u16> = const { Cell::new(u16::MAX) };
}

/// Run `emit` for a file that defines the items `local`: prelude names not among them print bare.
pub fn in_file<T>(local: &[&str], emit: impl FnOnce() -> T) -> T {
    let mask = ALL
        .iter()
        .filter(|n| local.contains(&n.short))
        .fold(0u16, |m, n| m | n.bit);
    /// Restores the previous mask even if `emit` panics.
    struct Restore(u16);
    impl Drop for Restore {
        fn drop(&mut self) {
            SHADOWED.with(|s| s.set(self.0));
        }
    }
    let _restore = Restore(SHADOWED.with(|s| s.replace(mask)));
    emit()
}

impl ToTokens for PreludeName {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        if SHADOWED.with(|s| s.get()) & self.bit == 0 {
            tokens.append(Ident::new(self.short, Span::call_site()));
            return;
        }
        for seg in self.path {
            tokens.append(TokenTree::Punct(Punct::new(':', Spacing::Joint)));
            tokens.append(TokenTree::Punct(Punct::new(':', Spacing::Alone)));
            tokens.append(Ident::new(seg, Span::call_site()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn sample() -> String {
        quote!(
            fn f(x: #OPTION<#STRING>) -> #VEC<u8> {
                #SOME(#BOX::new(1));
                #DEFAULT::default()
            }
        )
        .to_string()
    }

    #[test]
    fn names_are_short_unless_the_file_shadows_them() {
        assert_eq!(
            in_file(&["Thing", "ThingBuilder"], sample),
            quote!(
                fn f(x: Option<String>) -> Vec<u8> {
                    Some(Box::new(1));
                    Default::default()
                }
            )
            .to_string()
        );
        let kept = in_file(&["Option", "Some"], sample);
        assert!(
            kept.contains(":: std :: option :: Option < String >"),
            "{kept}"
        );
        assert!(
            kept.contains(":: std :: option :: Option :: Some"),
            "{kept}"
        );
        assert!(kept.contains("Box :: new"), "{kept}");
        // Outside a file scope (crate-level files), every name keeps its absolute path.
        assert!(sample().contains(":: std :: vec :: Vec < u8 >"));
    }

    #[test]
    fn the_scope_is_restored_after_a_panic() {
        let caught = std::panic::catch_unwind(|| in_file(&[], || panic!("boom")));
        assert!(caught.is_err());
        assert!(sample().contains(":: std :: string :: String"));
    }
}
