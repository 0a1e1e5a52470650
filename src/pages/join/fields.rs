//! The join form's parts that are more than one field: the register choice and the error summary.

use crate::browser;
use crate::components::form::{ErrorMessage, TextField};
use join::form::{Field, FieldError, Register, SignupForm};
use leptos::prelude::*;

/// The optional registered number and which register it is on.
#[component]
pub(super) fn RegisterFields(
    form: RwSignal<SignupForm>,
    error_for: impl Fn(Field) -> Signal<Option<String>> + Copy + 'static,
) -> impl IntoView {
    let register_error = error_for(Field::Register);
    view! {
        <div class="form-group" class:form-group-error=move || register_error.get().is_some()>
            <label class="form-label" for=Field::Register.id()>
                "Which register is your organisation on? (optional)"
            </label>
            <ErrorMessage id=Field::Register.id() error=register_error />
            <select
                class="form-select"
                id=Field::Register.id()
                name=Field::Register.id()
                aria-describedby=move || register_error.get().map(|_| format!("{}-error", Field::Register.id()))
                aria-invalid=move || register_error.get().map(|_| "true")
                on:change:target=move |ev| form.update(|f| f.register = ev.target().value())
            >
                <option value="" selected=move || form.with(|f| f.register.is_empty())>
                    "Not registered, or not listed here"
                </option>
                {Register::ALL
                    .into_iter()
                    .map(|r| {
                        view! {
                            <option value=r.key() selected=move || form.with(|f| f.register == r.key())>
                                {r.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        <TextField
            id=Field::RegisterNumber.id()
            label="Registered charity or company number"
            optional=true
            value=Signal::derive(move || form.with(|f| f.register_number.clone()))
            on_input=Callback::new(move |v| form.update(|f| f.register_number = v))
            error=error_for(Field::RegisterNumber)
        />
    }
}

/// "There is a problem", linking to each field, focused after a failed submit.
#[component]
pub(super) fn ErrorSummary(
    errors: RwSignal<Vec<FieldError>>,
    summary_ref: NodeRef<leptos::html::Div>,
) -> impl IntoView {
    view! {
        <div
            class="error-summary"
            role="group"
            tabindex="-1"
            node_ref=summary_ref
            hidden=move || errors.with(Vec::is_empty)
            aria-labelledby="error-summary-title"
        >
            <h2 id="error-summary-title">"There is a problem"</h2>
            <ul>
                {move || {
                    errors
                        .get()
                        .into_iter()
                        .map(|e| {
                            let id = e.field.id();
                            view! {
                                <li>
                                    <a
                                        href=format!("#{id}")
                                        on:click=move |ev| {
                                            ev.prevent_default();
                                            browser::focus_id(id);
                                        }
                                    >
                                        {e.message}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}
