//! Form fields built the GOV.UK way: a label, an optional hint, an inline error
//! tied to the input with `aria-describedby`, and "(optional)" instead of asterisks.

use leptos::prelude::*;

/// The ids an input is described by: its hint and, when present, its error.
fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The inline error under a field, starting "Error:" for screen readers.
#[component]
pub fn ErrorMessage(
    /// The field's id.
    id: &'static str,
    /// The message, when there is one.
    error: Signal<Option<String>>,
) -> impl IntoView {
    move || {
        error.get().map(|message| {
            view! {
                <p id=format!("{id}-error") class="error-message">
                    <span class="visually-hidden">"Error: "</span>
                    {message}
                </p>
            }
        })
    }
}

fn label_text(label: &'static str, optional: bool) -> String {
    if optional {
        format!("{label} (optional)")
    } else {
        label.to_string()
    }
}

/// A one-line text input.
#[component]
pub fn TextField(
    /// The input's id and name.
    id: &'static str,
    /// What to enter.
    label: &'static str,
    /// Extra help under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The input type: text, email, tel or url.
    #[prop(default = "text")]
    input_type: &'static str,
    /// The browser's autofill token.
    #[prop(optional)]
    autocomplete: Option<&'static str>,
    /// True when the answer may be left blank.
    #[prop(optional)]
    optional: bool,
    /// The current value.
    value: Signal<String>,
    /// Called with every change.
    on_input: Callback<String>,
    /// The current error.
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="form-group" class:form-group-error=move || error.get().is_some()>
            <label class="form-label" for=id>
                {label_text(label, optional)}
            </label>
            {hint.map(|h| view! { <p id=format!("{id}-hint") class="hint">{h}</p> })}
            <ErrorMessage id error />
            <input
                class="form-input"
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                spellcheck=(input_type == "email").then_some("false")
                aria-describedby=move || described_by(id, hint.is_some(), error.get().is_some())
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
            />
        </div>
    }
}

/// A multi-line answer with a live count of the characters left.
#[component]
pub fn TextArea(
    /// The textarea's id and name.
    id: &'static str,
    /// What to write.
    label: &'static str,
    /// Extra help under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The longest answer accepted.
    max_chars: Signal<u32>,
    /// The current value.
    value: Signal<String>,
    /// Called with every change.
    on_input: Callback<String>,
    /// The current error.
    error: Signal<Option<String>>,
) -> impl IntoView {
    let remaining = move || max_chars.get() as i64 - value.get().chars().count() as i64;
    let count_text = move || {
        let r = remaining();
        if r >= 0 {
            format!(
                "You have {r} {} remaining",
                if r == 1 { "character" } else { "characters" }
            )
        } else {
            format!(
                "You have {} {} too many",
                -r,
                if r == -1 { "character" } else { "characters" }
            )
        }
    };
    view! {
        <div class="form-group" class:form-group-error=move || error.get().is_some()>
            <label class="form-label" for=id>
                {label_text(label, true)}
            </label>
            {hint.map(|h| view! { <p id=format!("{id}-hint") class="hint">{h}</p> })}
            <ErrorMessage id error />
            <textarea
                class="form-textarea"
                id=id
                name=id
                rows="5"
                aria-describedby=move || {
                    let base = described_by(id, hint.is_some(), error.get().is_some());
                    Some(
                        base
                            .map(|b| format!("{b} {id}-count"))
                            .unwrap_or_else(|| format!("{id}-count")),
                    )
                }
                aria-invalid=move || error.get().is_some().then_some("true")
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
            ></textarea>
            <p
                id=format!("{id}-count")
                class="hint char-count"
                class:char-count-over=move || { remaining() < 0 }
                aria-live="polite"
            >
                {count_text}
            </p>
        </div>
    }
}

/// One tick box with its label, for agreements and choices.
#[component]
pub fn CheckboxField(
    /// The input's id and name.
    id: &'static str,
    /// The label, which may hold a link.
    children: Children,
    /// Extra help under the label.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Whether it is ticked.
    checked: Signal<bool>,
    /// Called when ticked or unticked.
    on_change: Callback<bool>,
    /// The current error.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="form-group" class:form-group-error=move || error.get().is_some()>
            <ErrorMessage id error />
            <div class="choice">
                <input
                    class="choice-input"
                    type="checkbox"
                    id=id
                    name=id
                    value="true"
                    aria-describedby=move || described_by(id, hint.is_some(), error.get().is_some())
                    aria-invalid=move || error.get().is_some().then_some("true")
                    prop:checked=move || checked.get()
                    on:change:target=move |ev| on_change.run(ev.target().checked())
                />
                <label class="choice-label" for=id>
                    {children()}
                </label>
            </div>
            {hint.map(|h| view! { <p id=format!("{id}-hint") class="hint choice-hint">{h}</p> })}
        </div>
    }
}

/// Radios or checkboxes in a fieldset with a legend; the first input carries the field's id.
#[component]
pub fn ChoiceGroup(
    /// The field id; inputs are `<id>`, `<id>-2`, …
    id: &'static str,
    /// The question.
    legend: &'static str,
    /// Extra help under the legend.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// True for checkboxes (many answers), false for radios (one).
    multiple: bool,
    /// (key, label) for each choice.
    options: Vec<(&'static str, &'static str)>,
    /// Whether each key is chosen.
    chosen: Callback<&'static str, bool>,
    /// Called with a key and whether it is now chosen.
    on_change: Callback<(&'static str, bool)>,
    /// The current error.
    error: Signal<Option<String>>,
    /// Shown after the choices, such as the "other" text box.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let input_type = if multiple { "checkbox" } else { "radio" };
    view! {
        <div class="form-group" class:form-group-error=move || error.get().is_some()>
            <fieldset
                class="fieldset"
                aria-describedby=move || described_by(id, hint.is_some(), error.get().is_some())
            >
                <legend class="fieldset-legend">{legend}</legend>
                {hint.map(|h| view! { <p id=format!("{id}-hint") class="hint">{h}</p> })}
                <ErrorMessage id error />
                <div class="choices">
                    {options
                        .into_iter()
                        .enumerate()
                        .map(|(i, (key, label))| {
                            let input_id = if i == 0 { id.to_string() } else { format!("{id}-{}", i + 1) };
                            view! {
                                <div class="choice">
                                    <input
                                        class="choice-input"
                                        type=input_type
                                        id=input_id.clone()
                                        name=id
                                        value=key
                                        prop:checked=move || chosen.run(key)
                                        on:change:target=move |ev| on_change.run((key, ev.target().checked()))
                                    />
                                    <label class="choice-label" for=input_id>
                                        {label}
                                    </label>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
                {children.map(|c| c())}
            </fieldset>
        </div>
    }
}
