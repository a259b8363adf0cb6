//! Semantic diff of two models: every change between an old and a new [`Model`] as an [`Event`] with a
//! stable id, a [`Severity`] (NOTE < WARNING < DANGER < ERROR), the shape or member id (`Shape$member`)
//! and a one-line message. The classes follow `diff-rules.md` (after smithy-diff).
//!
//! Shapes and operations are matched by id, members by name, enum values by wire value. The result is
//! sorted by (shape id, event id, message), so the same two models always give the same list.
//!
//! **Comparison modes.** When the two models come from different forms (Smithy JSON AST vs botocore
//! JSON, see [`ModelForm`]), facts only one form can carry are not compared ([`Mode::CrossForm`]):
//! enum value names, per-value documentation and deprecation, `default`, `clientOptional`,
//! `addedDefault`, `box`, `input` / `output`, `uniqueItems`, `jsonvalue`, operation examples, the
//! operation `http` trait when one side has none (awsJson Smithy models carry no HTTP binding), the
//! extra `items` botocore may list beyond the first, the `smithy.api#` prelude shapes, and every raw
//! trait in `Traits::other` (the two forms have different trait vocabularies); patterns are compared
//! without their anchoring (`^`, `$`, a leading or trailing `.*`: botocore writes whole-value matches,
//! the Smithy conversion anchors them); a union in one form may be a plain structure in the other
//! (botocore keeps unions older than its `union` flag as structures: their members are compared);
//! member order (meaningful in Smithy, not in botocore's JSON objects); and pagination present on one
//! side only (botocore keeps it in a separate, hand-kept `paginators-1.json`). In both modes, documentation is compared after normalisation
//! (character references decoded, runs of whitespace collapsed to one space, whitespace next to a tag
//! dropped), so re-wrapped or re-escaped prose is no change, and a `length` with `min: 0` is the same as
//! one without a `min`.

mod docs;
mod endpoints;
mod forms;
mod members;
mod operations;
pub mod report;
mod shapes;
mod traits;

use crate::ir::{Model, ModelForm, ShapeId};
use crate::select;
use std::collections::BTreeSet;
use std::fmt;

/// How bad a change is for existing clients, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Note,
    Warning,
    Danger,
    Error,
}

impl Severity {
    /// All severities, lowest first.
    pub const ALL: [Severity; 4] = [
        Severity::Note,
        Severity::Warning,
        Severity::Danger,
        Severity::Error,
    ];

    /// `NOTE`, `WARNING`, `DANGER`, `ERROR`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "NOTE",
            Severity::Warning => "WARNING",
            Severity::Danger => "DANGER",
            Severity::Error => "ERROR",
        }
    }

    /// Parse `note`, `warning`, `danger`, `error` (any case).
    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(s))
    }

    /// DANGER and ERROR make a diff breaking.
    pub fn is_breaking(self) -> bool {
        self >= Severity::Danger
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! event_ids {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        /// The class of a change (a stable name, printed as is).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum EventId { $($(#[$doc])* $name),* }

        impl EventId {
            /// Every event id, in declaration order.
            pub const ALL: &'static [EventId] = &[$(EventId::$name),*];

            /// The stable name (`ShapeAdded`, ...).
            pub fn as_str(self) -> &'static str {
                match self { $(EventId::$name => stringify!($name)),* }
            }
        }
    };
}

event_ids! {
    /// NOTE.
    ShapeAdded,
    /// ERROR; a plain scalar shape: WARNING.
    ShapeRemoved,
    /// ERROR.
    ShapeTypeChanged,
    /// ERROR when the target type changes or the target is a structure, union or enum; else WARNING,
    /// raised to the worst change between the two targets.
    MemberTargetChanged,
    /// NOTE.
    MemberAdded,
    /// ERROR: added with `required` and neither `default` nor `clientOptional`.
    RequiredMemberAdded,
    /// ERROR.
    MemberRemoved,
    /// ERROR.
    RequiredAdded,
    /// ERROR.
    RequiredRemoved,
    /// ERROR.
    ClientOptionalRemoved,
    /// ERROR.
    InputTraitRemoved,
    /// ERROR without `addedDefault`, else NOTE.
    DefaultAdded,
    /// ERROR.
    DefaultRemoved,
    /// DANGER; to or from the zero value: ERROR.
    DefaultChanged,
    /// ERROR.
    EnumValueRemoved,
    /// ERROR.
    EnumValueRenamed,
    /// ERROR: a new value placed before an existing one.
    EnumValueInserted,
    /// NOTE: a new value after every existing one.
    EnumValueAppended,
    /// ERROR: min raised, max lowered or a bound newly added.
    LengthTightened,
    /// NOTE.
    LengthLoosened,
    /// ERROR: min raised, max lowered or a bound newly added.
    RangeTightened,
    /// NOTE.
    RangeLoosened,
    /// WARNING.
    PatternAdded,
    /// NOTE.
    PatternChanged,
    /// NOTE (a loosening).
    PatternRemoved,
    /// DANGER: the relative order of the members both versions have changed.
    MembersReordered,
    /// ERROR.
    OperationInputChanged,
    /// ERROR.
    OperationOutputChanged,
    /// NOTE.
    OperationAdded,
    /// ERROR.
    OperationRemoved,
    /// WARNING.
    OperationErrorAdded,
    /// WARNING.
    OperationErrorRemoved,
    /// ERROR (added, changed or removed: the wire name changes).
    JsonNameChanged,
    /// ERROR (added, changed or removed).
    TimestampFormatChanged,
    /// ERROR (adding one is a NOTE `TraitAdded`).
    IdempotencyTokenRemoved,
    /// ERROR (added, changed or removed).
    ErrorTraitChanged,
    /// ERROR (added or removed).
    SparseChanged,
    /// ERROR: input or output token changed, or the trait removed.
    PaginatedChanged,
    /// ERROR: an HTTP binding of a member or the `http` trait of an operation changed.
    HttpBindingChanged,
    /// NOTE.
    DocumentationChanged,
    /// WARNING.
    DeprecatedAdded,
    /// NOTE: any other trait added.
    TraitAdded,
    /// NOTE: any other trait changed.
    TraitChanged,
    /// WARNING: any other trait removed.
    TraitRemoved,
    /// NOTE: the service gained an endpoint rule set.
    EndpointRulesAdded,
    /// NOTE: the service's endpoint rule set changed (documentation aside).
    EndpointRulesChanged,
    /// WARNING: the service's endpoint rule set was removed.
    EndpointRulesRemoved,
}

impl fmt::Display for EventId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Event {
    /// The shape, member (`Shape$member`), enum value (`Enum$NAME`, or `Enum$value` when the value has
    /// no name) or operation the change concerns.
    pub shape: String,
    pub id: EventId,
    pub severity: Severity,
    /// One line saying what changed.
    pub message: String,
}

impl fmt::Display for Event {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {}: {}",
            self.severity, self.id, self.shape, self.message
        )
    }
}

/// Which facts are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Both models are of the same form: everything is compared.
    SameForm,
    /// The models come from different forms: facts only one form carries are skipped (see the module
    /// documentation).
    CrossForm,
}

impl Mode {
    /// The mode for two models, from their forms.
    pub fn for_models(old: &Model, new: &Model) -> Mode {
        match (old.form, new.form) {
            (ModelForm::Smithy, ModelForm::Smithy) | (ModelForm::Botocore, ModelForm::Botocore) => {
                Mode::SameForm
            }
            _ => Mode::CrossForm,
        }
    }
}

/// Every change from `old` to `new`, sorted; the mode follows the two models' forms.
pub fn diff(old: &Model, new: &Model) -> Vec<Event> {
    diff_with_mode(old, new, Mode::for_models(old, new))
}

/// Every change from `old` to `new` in the given comparison mode, sorted.
pub fn diff_with_mode(old: &Model, new: &Model, mode: Mode) -> Vec<Event> {
    if mode == Mode::CrossForm {
        // A shape no operation reaches is no part of the API: botocore files keep some that the
        // Smithy models leave out.
        let (o, n) = (reachable(old), reachable(new));
        let (o, n) = forms::without_smithy_only_error_members(o, n);
        return compare(&o, &n, mode);
    }
    compare(old, new, mode)
}

/// `model` without the shapes none of its operations reaches.
fn reachable(model: &Model) -> Model {
    let ops: Vec<String> = model.operations.keys().cloned().collect();
    restrict(model, &ops)
}

fn compare(old: &Model, new: &Model, mode: Mode) -> Vec<Event> {
    let cx = Cx {
        old,
        new,
        mode,
        depth: std::cell::Cell::new(0),
        renames: forms::Renames::default(),
    };
    let mut out = Vec::new();
    shapes::diff_shapes(&cx, &mut out);
    operations::diff_operations(&cx, &mut out);
    if cx.cross() {
        cx.renames.drop_accounted(&mut out);
    } else {
        docs::diff_docs(
            old.service.traits.documentation.as_deref(),
            new.service.traits.documentation.as_deref(),
            &new.service.name,
            &mut out,
        );
    }
    let rules = |m: &Model| {
        let r = m.service.endpoint_rules.as_ref();
        if cx.cross() {
            r.map(forms::commutative_args_sorted)
        } else {
            r.cloned()
        }
    };
    endpoints::diff_endpoint_rules(
        rules(old).as_ref(),
        rules(new).as_ref(),
        &new.service.name,
        &mut out,
    );
    out.sort();
    out.dedup();
    out
}

/// The changes that concern `operations` (which must exist in at least one of the two models): both
/// models are cut down to those operations and the shapes they reach, then compared.
pub fn diff_operations(
    old: &Model,
    new: &Model,
    operations: &[String],
) -> Result<Vec<Event>, String> {
    diff_operations_with_mode(old, new, operations, Mode::for_models(old, new))
}

/// [`diff_operations`] in the given comparison mode.
pub fn diff_operations_with_mode(
    old: &Model,
    new: &Model,
    operations: &[String],
    mode: Mode,
) -> Result<Vec<Event>, String> {
    let missing: Vec<&str> = operations
        .iter()
        .filter(|o| !old.operations.contains_key(*o) && !new.operations.contains_key(*o))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "operation(s) in neither model: {}",
            missing.join(", ")
        ));
    }
    let old = restrict(old, operations);
    let new = restrict(new, operations);
    Ok(diff_with_mode(&old, &new, mode))
}

/// `model` restricted to those of `operations` it has, and their closure.
fn restrict(model: &Model, operations: &[String]) -> Model {
    let present: Vec<String> = operations
        .iter()
        .filter(|o| model.operations.contains_key(*o))
        .cloned()
        .collect();
    let keep: BTreeSet<ShapeId> = select::closure(model, &present).unwrap_or_default();
    let mut out = model.clone();
    out.shapes.retain(|id, _| keep.contains(id));
    out.operations.retain(|name, _| present.contains(name));
    out.service.operations.retain(|name| present.contains(name));
    out
}

/// True when the events hold a change at least as bad as `threshold`.
pub fn reaches(events: &[Event], threshold: Severity) -> bool {
    events.iter().any(|e| e.severity >= threshold)
}

/// True when the events hold a DANGER or an ERROR.
pub fn is_breaking(events: &[Event]) -> bool {
    reaches(events, Severity::Danger)
}

/// Number of events per severity, lowest first.
pub fn counts(events: &[Event]) -> [(Severity, usize); 4] {
    Severity::ALL.map(|s| (s, events.iter().filter(|e| e.severity == s).count()))
}

/// What every comparison needs: both models and the mode.
pub(crate) struct Cx<'a> {
    pub old: &'a Model,
    pub new: &'a Model,
    pub mode: Mode,
    /// Nesting of target comparisons (guards against unbounded recursion).
    pub depth: std::cell::Cell<u32>,
    /// Across forms: member targets that differ only in name (see [`forms`]).
    pub renames: forms::Renames,
}

impl Cx<'_> {
    pub fn cross(&self) -> bool {
        self.mode == Mode::CrossForm
    }
}

/// Build an event.
pub(crate) fn event(
    id: EventId,
    severity: Severity,
    shape: impl Into<String>,
    message: impl Into<String>,
) -> Event {
    Event {
        shape: shape.into(),
        id,
        severity,
        message: message.into(),
    }
}

#[cfg(test)]
mod tests;
