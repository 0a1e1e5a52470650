//! The join form: accessible as GOV.UK forms are, and it never loses a word:
//! drafts survive reloads, retries are safe, and offline requests wait on the device.

use crate::browser::{self, Store};
use crate::components::form::{CheckboxField, ChoiceGroup, TextArea, TextField};
use crate::components::needs_script::NeedsScript;
use crate::components::page_heading::PageHeading;
use crate::outbox::{self, Delivery, Outbox};
use crate::state::use_site;
use content::members::{Nation, OrgType};
use content::service::{FormPost, HONEYPOT};
use content::signup::{
    Field, FieldError, Queued, Register, SignupForm, Submission, MIN_HUMAN_SECONDS,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

/// Where the draft lives while the reader types (this tab only).
const DRAFT_KEY: &str = "signup-draft";

/// What the page shows besides the form.
#[derive(Clone, Debug, PartialEq)]
enum Finish {
    /// Still filling in the form.
    Editing,
    /// No form service is set: the answers are ready to email.
    Email(Box<SignupForm>),
}

/// The join page: the form, its errors and what happens after sending.
#[component]
pub fn Join() -> impl IntoView {
    let site = use_site();
    let delivery = expect_context::<Outbox>().0;
    let restored = browser::load(Store::Session, DRAFT_KEY)
        .and_then(|json| serde_json::from_str::<serde_json::Value>(&json).ok())
        .and_then(|value| SignupForm::from_json(&value))
        .unwrap_or_default();
    let form = RwSignal::new(restored);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let finish = RwSignal::new(Finish::Editing);
    let honeypot = RwSignal::new(String::new());
    let started = browser::now_ms();
    // The id of the request last sent, and the answers it carried: a retry or resend reuses it.
    let last = StoredValue::new(None::<(String, SignupForm)>);
    let summary_ref = NodeRef::<leptos::html::Div>::new();

    Effect::new(move || {
        let draft = form.get();
        if let Ok(json) = serde_json::to_string(&draft) {
            browser::save(Store::Session, DRAFT_KEY, &json);
        }
    });
    // The service's own field errors are shown like ours.
    Effect::new(move || {
        if let Delivery::FieldErrors(list) = delivery.get() {
            errors.set(list);
            request_animation_frame(move || {
                if let Some(el) = summary_ref.get() {
                    let _ = el.focus();
                }
            });
        }
    });
    Effect::new(move || {
        if delivery.get() == Delivery::Sent {
            browser::remove(Store::Session, DRAFT_KEY);
            form.set(SignupForm::default());
            last.set_value(None);
            request_animation_frame(|| browser::focus_id("confirmation"));
        }
    });

    let post = move || site.get().and_then(|s| FormPost::of(&s));
    let max_chars = Signal::derive(move || {
        site.get()
            .map(|s| s.signup.support_max_chars)
            .unwrap_or(1000)
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if delivery.get_untracked().is_busy() {
            return;
        }
        let Some(config) = site.get_untracked() else {
            return;
        };
        let answers = form.get_untracked();
        let found = answers.validate(config.signup.support_max_chars);
        if !found.is_empty() {
            errors.set(found);
            request_animation_frame(move || {
                if let Some(el) = summary_ref.get() {
                    let _ = el.focus();
                }
            });
            return;
        }
        errors.set(Vec::new());
        if !honeypot.get_untracked().is_empty() {
            // Only a program fills the hidden field: thank it and send nothing.
            delivery.set(Delivery::Sent);
            return;
        }
        let Some(endpoint) = config.signup.endpoint.clone() else {
            finish.set(Finish::Email(Box::new(answers)));
            request_animation_frame(|| browser::focus_id("confirmation"));
            return;
        };
        let submission_id = match last.get_value() {
            Some((id, previous)) if previous == answers => id,
            _ => browser::random_uuid(),
        };
        last.set_value(Some((submission_id.clone(), answers.clone())));
        if outbox::is_queued(&submission_id) {
            outbox::flush(delivery);
            return;
        }
        let elapsed = (browser::now_ms() - started) / 1000.0;
        let submission = Submission {
            form: answers,
            submission_id,
            privacy_notice_version: config.signup.privacy_notice_version.clone(),
            submitted_at: browser::now_iso(),
            possibly_automated: elapsed < MIN_HUMAN_SECONDS,
        };
        let Some(item) = Queued::new(endpoint, &config.signup, &submission) else {
            // Text always turns into JSON; if it ever did not, say so and keep the answers.
            delivery.set(Delivery::Refused(0, None));
            return;
        };
        delivery.set(Delivery::Sending(1));
        spawn_local(outbox::deliver(item, delivery));
    };

    let title = Signal::derive(move || {
        if errors.with(Vec::is_empty) {
            "Join the coalition".to_string()
        } else {
            "Error: Join the coalition".to_string()
        }
    });
    let error_for = move |field: Field| {
        Signal::derive(move || {
            errors.with(|list| {
                list.iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        })
    };
    let text = move |get: fn(&SignupForm) -> String| Signal::derive(move || form.with(get));
    let set = move |put: fn(&mut SignupForm, String)| {
        Callback::new(move |v: String| form.update(|f| put(f, v)))
    };

    view! {
        <div class="wrap page">
            <PageHeading title description="How an organisation can join the coalition." />
            {move || match (delivery.get(), finish.get()) {
                (Delivery::Sent, _) => view! { <Sent on_again=move || delivery.set(Delivery::Idle) /> }.into_any(),
                (_, Finish::Email(answers)) => {
                    view! { <EmailInstead answers=*answers on_back=move || finish.set(Finish::Editing) /> }.into_any()
                }
                _ => ().into_any(),
            }}
            <div hidden=move || delivery.get() == Delivery::Sent || finish.get() != Finish::Editing>
                <p class="lead">
                    "Organisations that share our aims can join the coalition. It takes about five minutes."
                </p>
                <ByEmail />
                <ErrorSummary errors summary_ref />
                <Status delivery />
                <div hidden=move || post().is_some()>
                    <NeedsScript what="Sending this form" shown="please join by email instead" />
                </div>
                // Posted, never as a query string: without the app, answers must not land in an
                // address. A service that takes plain posts gets them straight from the built page.
                <form
                    class="join-form"
                    method="post"
                    novalidate
                    action=move || post().map(|p| p.action)
                    on:submit=submit
                >
                    {move || {
                        post()
                            .map(|p| {
                                p.hidden
                                    .into_iter()
                                    .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
                                    .collect_view()
                            })
                    }}
                    <TextField
                        id=Field::OrgName.id()
                        label="Organisation name"
                        autocomplete="organization"
                        value=text(|f| f.org_name.clone())
                        on_input=set(|f, v| f.org_name = v)
                        error=error_for(Field::OrgName)
                    />
                    <ChoiceGroup
                        id=Field::OrgType.id()
                        legend="What type of organisation is it?"
                        multiple=false
                        options=OrgType::ALL.iter().map(|t| (t.key(), t.label())).collect()
                        chosen=Callback::new(move |key: &'static str| form.with(|f| f.org_type == key))
                        on_change=Callback::new(move |(key, on): (&'static str, bool)| {
                            if on {
                                form.update(|f| f.org_type = key.to_string());
                            }
                        })
                        error=error_for(Field::OrgType)
                    >
                        <div
                            class="conditional"
                            hidden=move || form.with(|f| f.org_type != OrgType::Other.key())
                        >
                            <TextField
                                id=Field::OrgTypeOther.id()
                                label="Type of organisation"
                                value=text(|f| f.org_type_other.clone())
                                on_input=set(|f, v| f.org_type_other = v)
                                error=error_for(Field::OrgTypeOther)
                            />
                        </div>
                    </ChoiceGroup>
                    <ChoiceGroup
                        id=Field::Nations.id()
                        legend="Where does your organisation work?"
                        hint="Select all that apply."
                        multiple=true
                        options=Nation::ALL.iter().map(|n| (n.key(), n.label())).collect()
                        chosen=Callback::new(move |key: &'static str| form.with(|f| f.nations.iter().any(|n| n == key)))
                        on_change=Callback::new(move |(key, on): (&'static str, bool)| {
                            form.update(|f| {
                                f.nations.retain(|n| n != key);
                                if on {
                                    f.nations.push(key.to_string());
                                }
                            })
                        })
                        error=error_for(Field::Nations)
                    />
                    <RegisterFields form error_for />
                    <TextField
                        id=Field::Website.id()
                        label="Website"
                        input_type="url"
                        autocomplete="url"
                        optional=true
                        value=text(|f| f.website.clone())
                        on_input=set(|f, v| f.website = v)
                        error=error_for(Field::Website)
                    />
                    <h2 class="form-section">"Who should we contact?"</h2>
                    <TextField
                        id=Field::ContactName.id()
                        label="Full name"
                        autocomplete="name"
                        value=text(|f| f.contact_name.clone())
                        on_input=set(|f, v| f.contact_name = v)
                        error=error_for(Field::ContactName)
                    />
                    <TextField
                        id=Field::Role.id()
                        label="Role"
                        autocomplete="organization-title"
                        optional=true
                        value=text(|f| f.role.clone())
                        on_input=set(|f, v| f.role = v)
                        error=error_for(Field::Role)
                    />
                    <TextField
                        id=Field::Email.id()
                        label="Email address"
                        hint="We will only use this to contact you about the coalition."
                        input_type="email"
                        autocomplete="email"
                        value=text(|f| f.email.clone())
                        on_input=set(|f, v| f.email = v)
                        error=error_for(Field::Email)
                    />
                    <TextField
                        id=Field::Phone.id()
                        label="Phone number"
                        input_type="tel"
                        autocomplete="tel"
                        optional=true
                        value=text(|f| f.phone.clone())
                        on_input=set(|f, v| f.phone = v)
                        error=error_for(Field::Phone)
                    />
                    <TextArea
                        id=Field::Support.id()
                        label="How will your organisation support the coalition?"
                        hint="For example, sharing our updates, or telling us what your members see."
                        max_chars
                        value=text(|f| f.support.clone())
                        on_input=set(|f, v| f.support = v)
                        error=error_for(Field::Support)
                    />
                    <h2 class="form-section">"Your choices"</h2>
                    <CheckboxField
                        id=Field::Privacy.id()
                        checked=Signal::derive(move || form.with(|f| f.privacy))
                        on_change=Callback::new(move |on| form.update(|f| f.privacy = on))
                        error=error_for(Field::Privacy)
                    >
                        "I have read and agree to the "
                        <A href="/privacy">"privacy notice"</A>
                    </CheckboxField>
                    <CheckboxField
                        id="listed"
                        hint="We will show your organisation's name, type and where it works."
                        checked=Signal::derive(move || form.with(|f| f.listed))
                        on_change=Callback::new(move |on| form.update(|f| f.listed = on))
                    >
                        "List our organisation on the members page (optional)"
                    </CheckboxField>
                    <CheckboxField
                        id="updates"
                        checked=Signal::derive(move || form.with(|f| f.updates))
                        on_change=Callback::new(move |on| form.update(|f| f.updates = on))
                    >
                        "Send us updates about the campaign by email (optional)"
                    </CheckboxField>
                    <div class="hp" aria-hidden="true">
                        <label for="fax-number">"Leave this empty"</label>
                        <input
                            id="fax-number"
                            name=HONEYPOT
                            type="text"
                            tabindex="-1"
                            autocomplete="off"
                            on:input:target=move |ev| honeypot.set(ev.target().value())
                        />
                    </div>
                    <div class="button-row">
                        <button
                            type="submit"
                            class="button"
                            aria-disabled=move || delivery.get().is_busy().then_some("true")
                        >
                            "Send request to join"
                        </button>
                        <button
                            type="button"
                            class="button button-secondary"
                            on:click=move |_| {
                                form.set(SignupForm::default());
                                errors.set(Vec::new());
                                browser::remove(Store::Session, DRAFT_KEY);
                            }
                        >
                            "Clear form"
                        </button>
                    </div>
                </form>
            </div>
        </div>
    }
}

/// The way to join that needs no form at all, for anyone who prefers it or cannot use it.
#[component]
fn ByEmail() -> impl IntoView {
    let site = use_site();
    move || {
        site.get().map(|s| {
            view! {
                <p>
                    "You can also join by email: send your organisation's name, where it works and who we should contact to "
                    <a href=format!("mailto:{}", s.contact_email)>{s.contact_email.clone()}</a> "."
                </p>
            }
        })
    }
}

/// The optional registered number and which register it is on.
#[component]
fn RegisterFields(
    form: RwSignal<SignupForm>,
    error_for: impl Fn(Field) -> Signal<Option<String>> + Copy + 'static,
) -> impl IntoView {
    let register_error = error_for(Field::Register);
    view! {
        <div class="form-group" class:form-group-error=move || register_error.get().is_some()>
            <label class="form-label" for=Field::Register.id()>
                "Which register is your organisation on? (optional)"
            </label>
            <crate::components::form::ErrorMessage id=Field::Register.id() error=register_error />
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
fn ErrorSummary(
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

/// Tells the reader, politely, what is happening to their request.
#[component]
fn Status(delivery: RwSignal<Delivery>) -> impl IntoView {
    let message = move || {
        match delivery.get() {
        Delivery::Idle | Delivery::Sent | Delivery::FieldErrors(_) => String::new(),
        Delivery::Sending(1) => "Sending your request…".to_string(),
        Delivery::Sending(n) => format!("Sending your request (attempt {n})…"),
        Delivery::Waiting(s) => format!(
            "We could not reach the server. Trying again in {s} {}.",
            if s == 1 { "second" } else { "seconds" }
        ),
        Delivery::Queued => "You are offline or the server cannot be reached. Your request is saved on this device and will be sent automatically when you are back online.".to_string(),
        Delivery::Refused(status, said) => format!(
            "The form service could not accept your request (error {status}){}. Your answers are still here: try again later, or email them to us using the address at the foot of the page.",
            said.map(|words| format!(". It said: \u{201c}{words}\u{201d}")).unwrap_or_default()
        ),
    }
    };
    view! {
        <div class="status-message" class:status-visible=move || !message().is_empty() role="status">
            {message}
        </div>
    }
}

/// The confirmation after a request is delivered; it takes focus.
#[component]
fn Sent(on_again: impl Fn() + 'static) -> impl IntoView {
    view! {
        <section class="confirmation" aria-labelledby="confirmation">
            <h2 id="confirmation" tabindex="-1">
                "Thank you: your request has been sent"
            </h2>
            <p>
                "What happens next: the coalition team will read your request and reply to the email address you gave."
            </p>
            <p>
                <button type="button" class="button button-secondary" on:click=move |_| on_again()>
                    "Send another request"
                </button>
            </p>
        </section>
    }
}

/// Without a form service, the answers become an email to the coalition, or text to copy.
#[component]
fn EmailInstead(answers: SignupForm, on_back: impl Fn() + 'static) -> impl IntoView {
    let site = use_site();
    let copied = RwSignal::new(String::new());
    let text = answers.as_text();
    let mailto = move || site.get().map(|s| answers.mailto(&s.contact_email));
    let copy_text = text.clone();
    view! {
        <section class="confirmation" aria-labelledby="confirmation">
            <h2 id="confirmation" tabindex="-1">
                "One more step: email your request"
            </h2>
            <p>
                "This site does not send forms on its own yet, so nothing has been sent. Your answers are ready in an email to the coalition: open it in your email app and press send."
            </p>
            <p>
                <a class="button button-link" href=mailto>
                    "Open an email with your answers"
                </a>
            </p>
            <p>
                "If the email does not open, copy your answers and paste them into an email to the address at the foot of this page."
            </p>
            <p>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| {
                        let text = copy_text.clone();
                        spawn_local(async move {
                            let ok = browser::copy_text(&text).await;
                            copied.set(if ok { "Your answers have been copied.".into() } else { "Your browser did not allow copying: select the answers below instead.".into() });
                        });
                    }
                >
                    "Copy your answers"
                </button>
            </p>
            <p role="status">{move || copied.get()}</p>
            <pre class="answers" tabindex="0" aria-label="Your answers">{text}</pre>
            <p>
                <button type="button" class="button button-secondary" on:click=move |_| on_back()>
                    "Change your answers"
                </button>
            </p>
        </section>
    }
}
