//! qapps card inputs: `type` is required with a string default naming the card's kind
//! (`"text-input"`, `"q-query"`, ...), an enum value.

use defaults_qapps::{CardType, QQueryCardInput, TextInputCardInput};

#[test]
fn build_fills_in_the_enum_default() {
    let card = TextInputCardInput::builder()
        .title("Name")
        .id("6f0e3b4c-3f9a-4d0e-9a53-0c1d2e3f4a5b")
        .build()
        .expect("type has a default");
    assert_eq!(card.r#type, CardType::TextInput);
    assert_eq!(card.r#type.as_str(), "text-input");
    let query = QQueryCardInput::builder()
        .title("Ask")
        .id("6f0e3b4c-3f9a-4d0e-9a53-0c1d2e3f4a5b")
        .prompt("hello")
        .build()
        .expect("type has a default");
    assert_eq!(query.r#type.as_str(), "q-query");
    let err = TextInputCardInput::builder().build().unwrap_err();
    assert_eq!(err.missing(), ["title", "id"]);
}
