// Sends the record forms to the JSON API with fetch: progressive enhancement of server-rendered forms.
//
// A form opts in with data-api, the route to POST to; "{name}" in it is filled from the form's field of that name
// (such a field has data-path and is not part of the body). data-idempotency-key, rendered once per page, is sent as
// the Idempotency-Key header, so a double submit or a retry records the event once. Each named field becomes a body
// property, converted by its data-json attribute:
//   text (default)  the value as typed
//   optional        the value, or null when left empty
//   number          a JSON number
//   bool            a checkbox: true when checked
//   list            checkboxes sharing a name: the array of the checked values
//   lines           a textarea: one array item per non-empty line
//   datetime        a datetime-local input read in the browser's time zone; left empty, the property is left out
//                   (the API takes "now")
//   json            a textarea holding a JSON value (a field of a shape the form has no control for); left empty, null
// A form with data-go-to-entry moves to the recorded entry's page once the API accepts it (or says it had already);
// one with data-go-to (a creation) moves there instead, "{id}" filled with the new record's id.
// A path field with data-slug-from names a new record: its id is made from that field's value (a readable slug) and
// the field's own value (a suffix rendered once per page, so a retry names the same record).
// The API answers a refusal with RFC 9457 problem details; each errors[field] message is shown next to its field
// (aria-invalid, aria-describedby) and in a summary with role=alert; a problem without errors shows its detail there.

const problemTypes = ["application/problem+json", "application/json"];

export function enhance(root = document) {
    for (const form of root.querySelectorAll("form[data-api]")) {
        form.addEventListener("submit", event => {
            event.preventDefault();
            submit(form);
        });
        form.setAttribute("novalidate", "");
    }
}

export function collect(form) {
    const body = {};
    const path = {};
    const slugs = [];
    for (const element of form.elements) {
        if (!element.name || element.disabled || element.type === "submit") {
            continue;
        }
        if (element.hasAttribute("data-path")) {
            path[element.name] = element.value;
            if (element.dataset.slugFrom) {
                slugs.push(element);
            }
            continue;
        }
        const kind = element.dataset.json ?? "text";
        switch (kind) {
            case "list":
                body[element.name] ??= [];
                if (element.checked) {
                    body[element.name].push(element.value);
                }
                break;
            case "bool":
                body[element.name] = element.checked;
                break;
            case "number":
                body[element.name] = element.value.trim() === "" ? null : Number(element.value);
                break;
            case "optional":
                body[element.name] = element.value.trim() === "" ? null : element.value;
                break;
            case "lines":
                body[element.name] = element.value.split(/\r?\n/).map(line => line.trim()).filter(line => line.length > 0);
                break;
            case "json":
                body[element.name] = parseJson(element.value);
                break;
            case "datetime":
                if (element.value) {
                    body[element.name] = new Date(element.value).toISOString();
                }
                break;
            default:
                body[element.name] = element.value;
        }
    }
    // A checkbox group with nothing to choose from still sends its (empty) array.
    for (const group of form.querySelectorAll("[data-list]")) {
        body[group.dataset.list] ??= [];
    }
    for (const element of slugs) {
        path[element.name] = [slug(body[element.dataset.slugFrom]), element.value].filter(part => part).join("-");
    }
    const url = form.dataset.api.replace(/\{(\w+)\}/g, (_, name) => encodeURIComponent(path[name] ?? ""));
    return { url, body };
}

// "Maple Grove Elementary" as "maple-grove-elementary": lower-case letters and digits joined by single hyphens.
export function slug(text) {
    return String(text ?? "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
        .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48).replace(/-+$/, "");
}

// Text that is not JSON is sent as a string, so the API's message about the field is what the person reads.
function parseJson(text) {
    if (text.trim() === "") {
        return null;
    }
    try {
        return JSON.parse(text);
    } catch {
        return text;
    }
}

// "school/maple-grove" and version 12 as "/schools/maple-grove/entries/12".
export function entryLink(streamId, version) {
    const slash = streamId.indexOf("/");
    return `/${streamId.slice(0, slash)}s/${encodeURIComponent(streamId.slice(slash + 1))}/entries/${version}`;
}

async function submit(form) {
    const button = form.querySelector("[type=submit]");
    if (button?.disabled) {
        return;
    }
    clearMessages(form);
    const { url, body } = collect(form);
    const headers = { "Content-Type": "application/json", "Accept": "application/json" };
    if (form.dataset.idempotencyKey) {
        headers["Idempotency-Key"] = form.dataset.idempotencyKey;
    }
    // Required by the API for cookie-signed-in writes: a cross-site form cannot send it (CSRF guard).
    headers["X-LearningOrg-Csrf"] = "1";
    setBusy(form, button, true);
    let response;
    try {
        response = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
    } catch {
        setBusy(form, button, false);
        showSummary(form, "The server could not be reached, so this may not have been recorded. Sending it again is safe: it will be recorded once.", []);
        return;
    }
    const answer = await readJson(response);
    setBusy(form, button, false);
    if (response.ok) {
        showSuccess(form, answer, response.headers.get("Idempotent-Replayed") === "true");
    } else {
        showProblem(form, response, answer);
    }
}

async function readJson(response) {
    const type = (response.headers.get("Content-Type") ?? "").split(";")[0].trim();
    if (!problemTypes.includes(type)) {
        return null;
    }
    try {
        return await response.json();
    } catch {
        return null;
    }
}

function setBusy(form, button, busy) {
    form.setAttribute("aria-busy", busy ? "true" : "false");
    if (button) {
        button.disabled = busy;
    }
}

function clearMessages(form) {
    for (const message of form.querySelectorAll(".field-error")) {
        const id = message.id;
        for (const described of form.querySelectorAll(`[aria-describedby~="${id}"]`)) {
            const rest = described.getAttribute("aria-describedby").split(/\s+/).filter(token => token && token !== id);
            if (rest.length > 0) {
                described.setAttribute("aria-describedby", rest.join(" "));
            } else {
                described.removeAttribute("aria-describedby");
            }
        }
        message.remove();
    }
    for (const invalid of form.querySelectorAll("[aria-invalid]")) {
        invalid.removeAttribute("aria-invalid");
    }
    summaryOf(form).replaceChildren();
    resultOf(form).replaceChildren();
}

function summaryOf(form) {
    return form.querySelector(".form-summary");
}

function resultOf(form) {
    return form.querySelector(".form-result");
}

// "participants[2]" and "participants" both name the participants field; JSON paths may also be nested ("a.b").
function fieldName(key) {
    return key.replace(/\[\d+\]/g, "").split(".")[0];
}

function fieldContainer(form, key) {
    const name = fieldName(key);
    for (const container of form.querySelectorAll("[data-field]")) {
        if (container.dataset.field.toLowerCase() === name.toLowerCase()) {
            return container;
        }
    }
    return null;
}

function showProblem(form, response, problem) {
    const fieldMessages = [];
    const unplaced = [];
    const errors = problem?.errors ?? {};
    for (const [key, messages] of Object.entries(errors)) {
        for (const message of [].concat(messages)) {
            const container = fieldContainer(form, key);
            if (container) {
                fieldMessages.push({ container, message });
            } else {
                unplaced.push(message);
            }
        }
    }
    // A rule of the history (404, 409) names its field in "field" rather than in "errors".
    if (Object.keys(errors).length === 0 && problem?.field && problem.detail) {
        const container = fieldContainer(form, problem.field);
        if (container) {
            fieldMessages.push({ container, message: problem.detail });
        }
    }
    const links = fieldMessages.map(({ container, message }) => markField(form, container, message));
    let lead;
    if (links.length > 0) {
        lead = links.length === 1 ? "This was not recorded. Please correct the field below." : `This was not recorded. Please correct the ${links.length} fields below.`;
    } else {
        lead = `This was not recorded: ${problem?.detail ?? problem?.title ?? `the server answered ${response.status} ${response.statusText}.`}`;
    }
    showSummary(form, lead, links, unplaced.filter(message => message !== problem?.detail || links.length > 0));
}

function markField(form, container, message) {
    const id = `${form.id}-${container.dataset.field}-error`;
    let error = document.getElementById(id);
    if (!error) {
        error = document.createElement("p");
        error.id = id;
        error.className = "field-error";
        container.append(error);
    }
    error.textContent = error.textContent ? `${error.textContent} ${message}` : message;
    const controls = container.matches("input, select, textarea")
        ? [container]
        : [...container.querySelectorAll("input, select, textarea")];
    if (container.tagName === "FIELDSET") {
        controls.push(container);
    }
    for (const control of controls) {
        control.setAttribute("aria-invalid", "true");
        const described = (control.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
        if (!described.includes(id)) {
            described.push(id);
        }
        control.setAttribute("aria-describedby", described.join(" "));
    }
    const target = controls.find(control => control.tagName !== "FIELDSET");
    return { message, targetId: target?.id };
}

function showSummary(form, lead, links, extra = []) {
    const summary = summaryOf(form);
    const heading = document.createElement("p");
    heading.className = "form-summary__lead";
    heading.textContent = lead;
    const items = [];
    for (const { message, targetId } of links) {
        const item = document.createElement("li");
        if (targetId) {
            const link = document.createElement("a");
            link.href = `#${targetId}`;
            link.textContent = message;
            link.addEventListener("click", event => {
                event.preventDefault();
                document.getElementById(targetId)?.focus();
            });
            item.append(link);
        } else {
            item.textContent = message;
        }
        items.push(item);
    }
    for (const message of extra) {
        const item = document.createElement("li");
        item.textContent = message;
        items.push(item);
    }
    const children = [heading];
    if (items.length > 0) {
        const list = document.createElement("ul");
        list.append(...items);
        children.push(list);
    }
    summary.replaceChildren(...children);
    summary.focus();
}

function showSuccess(form, answer, replayed) {
    const result = resultOf(form);
    const text = document.createElement("p");
    const version = answer?.version ? ` (version ${answer.version} of ${answer.streamId})` : "";
    text.textContent = replayed
        ? `This had already been recorded${version}; sending it again added nothing.`
        : `Recorded${version}.`;
    const children = [text];
    if (form.dataset.successLink) {
        const next = document.createElement("p");
        const link = document.createElement("a");
        link.href = form.dataset.successLink;
        link.textContent = form.dataset.successLinkText ?? "See it on the timeline";
        next.append(link);
        next.append(" · ");
        const again = document.createElement("a");
        again.href = window.location.pathname + window.location.search + `#${form.id}`;
        again.textContent = "Record another";
        again.addEventListener("click", event => {
            event.preventDefault();
            window.location.reload();
        });
        next.append(again);
        children.push(next);
    }
    result.replaceChildren(...children);
    // The same key now stands for this record: a changed form sent with it would be refused, so the form is closed.
    for (const element of form.elements) {
        if (element.type === "submit") {
            element.disabled = true;
        }
    }
    result.focus();
    if (form.dataset.goTo && answer?.streamId) {
        const id = answer.streamId.slice(answer.streamId.indexOf("/") + 1);
        window.location.assign(form.dataset.goTo.replace("{id}", encodeURIComponent(id)));
        return;
    }
    if (form.hasAttribute("data-go-to-entry") && answer?.streamId && answer?.version && answer?.eventsAppended > 0) {
        const next = document.createElement("p");
        const link = document.createElement("a");
        // The command's first event is the entry the person recorded.
        link.href = entryLink(answer.streamId, answer.version - answer.eventsAppended + 1);
        link.textContent = "See the entry";
        next.append(link);
        result.append(next);
        window.location.assign(link.href);
    }
}

enhance();
