//! Self diffs, cross-form mode, restriction to operations, reports and documentation normalisation.

use super::*;

#[test]
fn cross_form_skips_what_one_form_cannot_carry() {
    let old = base();
    let mut new = base();
    new.form = ModelForm::Botocore;
    for v in enum_values(&mut new) {
        v.name = None;
    }
    traits_mut(&mut new, "Input").input = false;
    member_mut(&mut new, "Input", "Count").traits.default = Some(json!(3));
    traits_mut(&mut new, "Plain")
        .other
        .insert("box".into(), json!(true));
    assert!(diff(&old, &new).is_empty(), "{:?}", diff(&old, &new));
    // The same edits within one form are changes.
    new.form = ModelForm::Smithy;
    assert!(!diff(&old, &new).is_empty());
}

#[test]
fn restricted_to_operations() {
    let old = base();
    let mut new = base();
    new.shapes
        .insert("New".into(), shape("New", ShapeKind::Blob));
    traits_mut(&mut new, "Name").pattern = Some("x".into());
    let e = diff_operations(&old, &new, &["Op".into()]).unwrap();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].id, PatternAdded);
    assert!(diff_operations(&old, &new, &["Nope".into()]).is_err());
}

#[test]
fn reports() {
    let mut new = base();
    structure(&mut new, "Input").retain(|x| x.name != "Tags");
    enum_values(&mut new).push(ev("c", Some("C")));
    let e = diff(&base(), &new);
    let t = report::text(&e);
    assert!(t.starts_with("ERROR (1)\n"), "{t}");
    assert!(
        t.contains("1 ERROR, 0 DANGER, 0 WARNING, 1 NOTE: breaking"),
        "{t}"
    );
    let j = report::json(&e);
    assert_eq!(j["breaking"], json!(true));
    assert_eq!(j["counts"]["NOTE"], json!(1));
    assert_eq!(j["events"][0]["id"], json!("MemberRemoved"));
    let c = report::changelog(&e, "v2");
    let breaking = c.find("### Breaking changes").unwrap();
    let values = c.find("### New enum values").unwrap();
    assert!(breaking < values, "{c}");
    assert!(c.contains("- `Kind`: `c`"), "{c}");
    assert_eq!(report::text(&[]), "no changes\n");
}

#[test]
fn documentation_normalisation() {
    use super::docs::normalise_doc as n;
    assert_eq!(n("  <p>a\n  b</p>\n <p/>  "), "<p>a b</p><p></p>");
    // References are decoded before whitespace is handled, so a decoded `<` counts as a tag edge.
    assert_eq!(n("x &gt;= 1 &amp; &#60;y&#x3E;"), "x >= 1 &<y>");
    assert_eq!(n("a <i /> b"), n("a <i></i> b"));
    assert_eq!(n("&bogus; & &#xZZ;"), "&bogus; & &#xZZ;");
    assert_ne!(n("<p>a b</p>"), n("<p>ab</p>"));
}

#[test]
fn documentation_normalisation_never_panics() {
    use super::docs::normalise_doc as n;
    for s in [
        "&",
        "&é;é",
        "&ééééééé;",
        "&#x110000;",
        "&#99999999999;",
        "<",
        "</",
        "<é/>",
        "<a/",
        "a < / >",
        "&amp",
        "x&#;",
    ] {
        let _ = n(s);
    }
    assert_eq!(n("&é;"), "&é;");
}
