#include "EndpointDialog.h"

#include "EndpointLabelTitle.h"
#include "ErrorText.h"

#include "DraftValidator.h"
#include "EndpointPatch.h"
#include "EventPicker.h"
#include "KeyValueEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

QLabel *messageLabel(const QString &objectName, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setVisible(false);
    return label;
}

// The set, not the order: the picker lists events in catalog order, which need not be the
// provider's order, and reordering alone is not a change worth a request.
bool sameEvents(const QStringList &a, const QStringList &b) {
    return QSet<QString>(a.cbegin(), a.cend()) == QSet<QString>(b.cbegin(), b.cend());
}

const QString UrlField = QStringLiteral("url");
const QString LabelField = QStringLiteral("label");
const QString EventsField = QStringLiteral("events");
const QString ProjectIdField = QStringLiteral("projectId");
const QString ScopeField = QStringLiteral("scope");
const QString MetadataField = QStringLiteral("metadata");
const QString HeadersField = QStringLiteral("headers");
const QString TimeoutField = QStringLiteral("timeoutMs");
const QString StatusField = QStringLiteral("status");

} // namespace

EndpointDialog::EndpointDialog(EndpointService *service, const Connection &connection, const ProviderProfile &profile,
                               const std::optional<Endpoint> &existing, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_connection(connection)
    , m_profile(profile)
    , m_existing(existing)
    , m_initial(existing ? EndpointDraft::fromEndpoint(*existing) : EndpointDraft()) {
    setObjectName(QStringLiteral("EndpointDialog"));
    setMinimumWidth(560);
    setWindowTitle(isEditing() ? tr("Edit endpoint — %1").arg(connection.name)
                               : tr("New endpoint — %1").arg(connection.name));

    auto *context = new QLabel(this);
    context->setObjectName(QStringLiteral("connectionContext"));
    context->setText(tr("%1 · %2 · %3").arg(connection.name, profile.name(), environmentName(connection.environment)));
    context->setAccessibleName(tr("Connection"));

    m_form = new QWidget(this);
    m_form->setObjectName(QStringLiteral("form"));
    buildForm();

    m_formError = messageLabel(QStringLiteral("formError"), this);
    m_formError->setAccessibleName(tr("Error"));
    m_formMessage = messageLabel(QStringLiteral("formMessage"), this);
    m_formMessage->setAccessibleName(tr("Message"));

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setAccessibleName(tr("Request in progress"));
    m_progress->setRange(0, 0); // busy indicator: the provider gives no progress to show
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(m_progress->fontMetrics().height() / 2 + 4);
    m_progress->setVisible(false);
    m_progressLabel = messageLabel(QStringLiteral("progressLabel"), this);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_okButton = m_buttons->button(QDialogButtonBox::Ok);
    m_okButton->setObjectName(QStringLiteral("okButton"));
    m_okButton->setText(isEditing() ? tr("&Save") : tr("C&reate"));
    m_okButton->setAccessibleName(isEditing() ? tr("Save changes") : tr("Create endpoint"));
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EndpointDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &EndpointDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(context);
    layout->addWidget(m_form, 1);
    layout->addWidget(m_formError);
    layout->addWidget(m_formMessage);
    layout->addWidget(m_progressLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    applyErrorColours();
    validate();
    m_url->setFocus();
}

EndpointDialog::~EndpointDialog() = default;

bool EndpointDialog::isEditable(const QString &field) const {
    return (isEditing() ? m_profile.updateFields() : m_profile.createFields()).contains(field);
}

QLabel *EndpointDialog::makeErrorLabel(const QString &field) {
    QLabel *label = messageLabel(field + QStringLiteral("Error"), m_form);
    m_errorLabels.insert(field, label);
    return label;
}

void EndpointDialog::addRow(const QString &field, const QString &title, QWidget *editor, QWidget *focusTarget) {
    auto *form = static_cast<QFormLayout *>(m_form->layout());
    auto *titleLabel = new QLabel(title, m_form);
    titleLabel->setObjectName(field + QStringLiteral("Title"));
    titleLabel->setBuddy(focusTarget);

    auto *cell = new QWidget(m_form);
    auto *cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(editor);
    if (!isEditable(field)) {
        // Shown so the operator sees what the endpoint has, but the provider takes it only in the other mode.
        editor->setEnabled(false);
        const QString why =
            isEditing() ? tr("%1 does not allow changing this after the endpoint was created.").arg(m_profile.name())
                        : tr("%1 accepts this only when editing an existing endpoint.").arg(m_profile.name());
        auto *hint = new QLabel(why, cell);
        hint->setObjectName(field + QStringLiteral("Hint"));
        hint->setWordWrap(true);
        hint->setForegroundRole(QPalette::PlaceholderText);
        editor->setToolTip(why);
        editor->setAccessibleDescription(why);
        cellLayout->addWidget(hint);
    }
    QLabel *error = makeErrorLabel(field);
    error->setParent(cell);
    if (!m_events) {
        // Above the event tree: the room for an error is kept, so one appearing while the operator
        // types does not move the tree under the pointer.
        error->setMinimumHeight(error->fontMetrics().lineSpacing() * (field == UrlField ? 2 : 1));
        error->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        QSizePolicy policy = error->sizePolicy();
        policy.setRetainSizeWhenHidden(true);
        error->setSizePolicy(policy);
    }
    cellLayout->addWidget(error);
    form->addRow(titleLabel, cell);
}

void EndpointDialog::buildForm() {
    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // Rows are created in visual order, so the default tab order (creation order) reads top to bottom.

    m_url = new QLineEdit(m_initial.url, m_form);
    m_url->setObjectName(UrlField);
    m_url->setAccessibleName(tr("Endpoint URL"));
    m_url->setPlaceholderText(tr("https://example.com/webhooks"));
    m_url->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    // textChanged, not textEdited: text set through accessibility (voice control, AT-SPI) counts too.
    connect(m_url, &QLineEdit::textChanged, this, [this] { fieldEdited(UrlField); });
    addRow(UrlField, tr("&URL:"), m_url, m_url);

    if (m_profile.hasField(LabelField)) {
        QString title = EndpointLabelTitle::withMnemonic(m_profile);
        if (m_profile.labelRequired())
            title = tr("%1 (required)").arg(title);
        m_label = new QLineEdit(m_initial.label, m_form);
        m_label->setObjectName(LabelField);
        m_label->setAccessibleName(EndpointLabelTitle::of(m_profile));
        if (m_profile.labelRequired())
            m_label->setAccessibleDescription(tr("Required"));
        connect(m_label, &QLineEdit::textChanged, this, [this] { fieldEdited(LabelField); });
        addRow(LabelField, title + QLatin1Char(':'), m_label, m_label);
    }

    m_events = new EventPicker(m_profile, m_form);
    m_events->setObjectName(EventsField);
    m_events->setAccessibleName(tr("Events"));
    m_events->setSelectedEvents(m_initial.events);
    connect(m_events, &EventPicker::selectionChanged, this, [this] { fieldEdited(EventsField); });
    addRow(EventsField, tr("&Events:"), m_events, m_events->view());

    if (m_profile.hasField(ProjectIdField)) {
        m_projectId = new QLineEdit(m_initial.projectId, m_form);
        m_projectId->setObjectName(ProjectIdField);
        m_projectId->setAccessibleName(tr("Project ID"));
        m_projectId->setPlaceholderText(tr("Optional project UUID"));
        connect(m_projectId, &QLineEdit::textChanged, this, [this] { fieldEdited(ProjectIdField); });
        addRow(ProjectIdField, tr("&Project ID:"), m_projectId, m_projectId);
    }

    if (m_profile.hasField(ScopeField)) {
        m_scope = new QComboBox(m_form);
        m_scope->setObjectName(ScopeField);
        m_scope->setAccessibleName(tr("Scope"));
        m_scope->addItems(m_profile.scopes());
        m_scope->setCurrentIndex(qMax(0, m_profile.scopes().indexOf(m_initial.scope)));
        connect(m_scope, &QComboBox::activated, this, [this] { fieldEdited(ScopeField); });
        addRow(ScopeField, tr("Sc&ope:"), m_scope, m_scope);
    }

    if (m_profile.hasField(MetadataField)) {
        m_metadata = new KeyValueEditor(tr("metadata"), m_form);
        m_metadata->setObjectName(MetadataField);
        m_metadata->setAccessibleName(tr("Metadata"));
        m_metadata->setValues(m_initial.metadata);
        connect(m_metadata, &KeyValueEditor::changed, this, [this] { fieldEdited(MetadataField); });
        addRow(MetadataField, tr("&Metadata:"), m_metadata, m_metadata->table());
    }

    if (m_profile.hasField(HeadersField)) {
        m_headers = new KeyValueEditor(tr("header"), m_form);
        m_headers->setObjectName(HeadersField);
        m_headers->setAccessibleName(tr("Custom headers"));
        m_headers->setValues(m_initial.headers);
        connect(m_headers, &KeyValueEditor::changed, this, [this] { fieldEdited(HeadersField); });
        addRow(HeadersField, tr("&Headers:"), m_headers, m_headers->table());
    }

    if (m_profile.hasField(TimeoutField)) {
        m_timeout = new QSpinBox(m_form);
        m_timeout->setObjectName(TimeoutField);
        m_timeout->setAccessibleName(tr("Delivery timeout in milliseconds"));
        m_timeout->setRange(m_profile.timeoutMsMin().value_or(1), m_profile.timeoutMsMax().value_or(600000));
        m_timeout->setSingleStep(500);
        m_timeout->setSuffix(tr(" ms"));
        m_timeout->setValue(m_initial.timeoutMs.value_or(m_profile.timeoutMsDefault().value_or(m_timeout->minimum())));
        connect(m_timeout, &QSpinBox::valueChanged, this, [this] { fieldEdited(TimeoutField); });
        addRow(TimeoutField, tr("&Timeout:"), m_timeout, m_timeout);
    }

    // Pausing and resuming an existing endpoint is its own action (EndpointService::setActive).
    if (!isEditing() && m_profile.createFields().contains(StatusField)) {
        m_enabled = new QCheckBox(tr("Acti&ve: deliver events as soon as it is created"), m_form);
        m_enabled->setObjectName(QStringLiteral("enabled"));
        m_enabled->setAccessibleName(tr("Active"));
        m_enabled->setChecked(m_initial.enabled.value_or(true));
        connect(m_enabled, &QCheckBox::toggled, this, [this] { fieldEdited(StatusField); });
        auto *title = new QLabel(tr("Status:"), m_form);
        title->setObjectName(QStringLiteral("statusTitle"));
        auto *cell = new QWidget(m_form);
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->addWidget(m_enabled);
        QLabel *error = makeErrorLabel(StatusField);
        error->setParent(cell);
        cellLayout->addWidget(error);
        form->addRow(title, cell);
    }
}

EndpointDraft EndpointDialog::draft() const {
    EndpointDraft draft = m_initial;
    const auto edited = [this](const QString &field) { return m_edited.contains(field) && isEditable(field); };
    if (edited(UrlField))
        draft.url = m_url->text().trimmed();
    if (m_label && edited(LabelField))
        draft.label = m_label->text().trimmed();
    if (edited(EventsField)) {
        const QStringList events = m_events->selectedEvents();
        if (!sameEvents(events, m_initial.events))
            draft.events = events;
    }
    if (m_projectId && edited(ProjectIdField))
        draft.projectId = m_projectId->text().trimmed();
    if (m_scope && edited(ScopeField))
        draft.scope = m_scope->currentText();
    if (m_metadata && edited(MetadataField))
        draft.metadata = m_metadata->values();
    if (m_headers && edited(HeadersField))
        draft.headers = m_headers->values();
    if (m_timeout && edited(TimeoutField))
        draft.timeoutMs = m_timeout->value();
    if (m_enabled && edited(StatusField))
        draft.enabled = m_enabled->isChecked();
    return draft;
}

void EndpointDialog::reject() {
    if (m_busy)
        return;
    QDialog::reject();
}

void EndpointDialog::changeEvent(QEvent *event) {
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyErrorColours();
}

void EndpointDialog::fieldEdited(const QString &field) {
    m_edited.insert(field);
    // The provider's complaint was about what the field held then; the operator is fixing it.
    m_serverIssues.remove(field);
    m_formMessage->clear();
    m_formMessage->setVisible(false);
    validate();
}

void EndpointDialog::validate() {
    const EndpointDraft current = draft();
    const DraftValidator validator(m_profile, m_connection.environment);
    ValidationIssues issues;
    if (isEditing()) {
        // The service checks only what an update would send, and so does the form.
        const EndpointPatch patch = EndpointPatch::between(*m_existing, current);
        if (!patch.isEmpty())
            issues = validator.validate(patch);
    } else {
        issues = validator.validate(current);
    }
    for (KeyValueEditor *editor : {m_metadata, m_headers}) {
        const QString field = editor == m_metadata ? MetadataField : HeadersField;
        if (editor && isEditable(field) && !editor->problem().isEmpty())
            issues.append(ValidationIssue{field, editor->problem()});
    }
    m_issues = issues;
    showIssues();
}

void EndpointDialog::showIssues() {
    QHash<QString, QStringList> byField;
    QStringList unplaced;
    for (const ValidationIssue &issue : std::as_const(m_issues)) {
        if (m_errorLabels.contains(issue.field)) {
            // A fresh create form does not greet the operator with "URL is required".
            if (isEditing() || m_edited.contains(issue.field))
                byField[issue.field] << issue.message;
        } else {
            unplaced << issue.message;
        }
    }
    for (auto it = m_serverIssues.cbegin(); it != m_serverIssues.cend(); ++it) {
        if (!byField.value(it.key()).contains(it.value()))
            byField[it.key()] << it.value();
    }
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it) {
        const QString text = byField.value(it.key()).join(QLatin1Char('\n'));
        it.value()->setText(text);
        it.value()->setVisible(!text.isEmpty());
    }
    if (!m_refusal.isEmpty())
        unplaced.prepend(m_refusal);
    const QString formText = unplaced.join(QLatin1Char('\n'));
    m_formError->setText(formText);
    m_formError->setVisible(!formText.isEmpty());
    m_okButton->setEnabled(!m_busy && m_issues.isEmpty());
}

void EndpointDialog::setBusy(bool busy) {
    m_busy = busy;
    m_form->setEnabled(!busy);
    m_progress->setVisible(busy);
    m_progressLabel->setText(busy ? (isEditing() ? tr("Saving changes…") : tr("Creating the endpoint…")) : QString());
    m_progressLabel->setVisible(busy);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
    m_okButton->setEnabled(!busy && m_issues.isEmpty());
}

void EndpointDialog::submit() {
    validate();
    if (m_busy || !m_issues.isEmpty())
        return;
    m_refusal.clear();
    m_serverIssues.clear();
    m_formMessage->clear();
    m_formMessage->setVisible(false);
    showIssues();
    setBusy(true);
    const EndpointDraft current = draft();
    if (isEditing()) {
        m_service->update(m_connection, *m_existing, current, this,
                          [this](const EndpointService::UpdateOutcome &outcome) { updateFinished(outcome); });
    } else {
        m_service->create(m_connection, current, this,
                          [this](const EndpointService::SecretOutcome &outcome) { createFinished(outcome); });
    }
}

void EndpointDialog::createFinished(const EndpointService::SecretOutcome &outcome) {
    setBusy(false);
    // A secret that could not be filed away must reach the secret dialog even when the answer
    // was otherwise unusable: the provider will not show it again.
    if (outcome.succeeded() || !outcome.unstoredSecret.isEmpty()) {
        emit created(outcome);
        QDialog::accept();
        return;
    }
    showRefusal(outcome.issues, outcome.error, outcome.mayHaveReachedProvider);
}

void EndpointDialog::updateFinished(const EndpointService::UpdateOutcome &outcome) {
    setBusy(false);
    if (outcome.nothingChanged) {
        m_formMessage->setText(tr("Nothing changed; nothing was sent."));
        m_formMessage->setVisible(true);
        return;
    }
    if (!outcome.issues.isEmpty() || outcome.error.isError()) {
        showRefusal(outcome.issues, outcome.error, false);
        return;
    }
    emit updated(outcome.endpoint);
    QDialog::accept();
}

void EndpointDialog::showRefusal(const ValidationIssues &issues, const ApiError &error, bool mayHaveReachedProvider) {
    QString firstField;
    for (const ValidationIssue &issue : issues) {
        if (m_errorLabels.contains(issue.field)) {
            m_serverIssues.insert(issue.field, issue.message);
            firstField = firstField.isEmpty() ? issue.field : firstField;
        } else {
            m_refusal += (m_refusal.isEmpty() ? QString() : QStringLiteral("\n")) + issue.message;
        }
    }
    if (error.isError()) {
        if (!error.field.isEmpty() && m_errorLabels.contains(error.field)) {
            m_serverIssues.insert(error.field, error.message.isEmpty() ? error.toString() : error.message);
            firstField = firstField.isEmpty() ? error.field : firstField;
            m_refusal = error.kind == ApiError::Kind::Http
                            ? tr("%1 refused the endpoint (HTTP %2); see the marked field.")
                                  .arg(m_profile.name())
                                  .arg(error.httpStatus)
                            : tr("The endpoint was refused; see the marked field.");
        } else if (mayHaveReachedProvider) {
            m_refusal = tr("%1 did not answer clearly (%2). The endpoint may have been created: it is kept for "
                           "recovery, so check the endpoint list before creating it again.")
                            .arg(m_profile.name(), error.toString());
        } else {
            m_refusal = error.toString();
        }
    }
    showIssues();
    // Take the operator to what needs fixing.
    const QHash<QString, QWidget *> editors{{UrlField, m_url},
                                            {LabelField, m_label},
                                            {EventsField, m_events->view()},
                                            {ProjectIdField, m_projectId},
                                            {ScopeField, m_scope},
                                            {MetadataField, m_metadata},
                                            {HeadersField, m_headers},
                                            {TimeoutField, m_timeout}};
    if (QWidget *editor = editors.value(firstField))
        editor->setFocus();
    else
        m_okButton->setFocus();
}

void EndpointDialog::applyErrorColours() {
    for (QLabel *label : std::as_const(m_errorLabels))
        ErrorText::apply(label, palette());
    ErrorText::apply(m_formError, palette());
}
