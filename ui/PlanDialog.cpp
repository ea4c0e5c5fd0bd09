#include "PlanDialog.h"

#include "AppliedEndpoints.h"
#include "DocumentReader.h"
#include "DocumentValidator.h"
#include "DocumentVariables.h"
#include "ErrorText.h"
#include "KeyValueEditor.h"
#include "PlanBuilder.h"
#include "PlanTreeModel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeView>
#include <QVBoxLayout>

PlanDialog::PlanDialog(Mode mode, EndpointService *service, AppliedEndpoints *applied,
                       const QList<Connection> &connections, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_service(service)
    , m_applied(applied)
    , m_connections(connections)
    , m_file(new QLineEdit(this))
    , m_variables(new KeyValueEditor(tr("variable"), this))
    , m_prune(new QCheckBox(tr("&Delete endpoints the file does not list (prune)"), this))
    , m_inputError(new QLabel(this))
    , m_planButton(new QPushButton(mode == Mode::Apply ? tr("&Plan") : tr("&Compare"), this))
    , m_problems(new QListWidget(this))
    , m_tree(new QTreeView(this))
    , m_model(new PlanTreeModel(this))
    , m_showUnchanged(new QCheckBox(tr("Show &unchanged"), this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this)) {
    if (mode == Mode::Apply && applied)
        m_claims = std::make_unique<ApplyClaims>(applied->state());
    setObjectName(QStringLiteral("planDialog"));
    setWindowTitle(mode == Mode::Apply ? tr("Apply from File") : tr("Compare with File"));
    m_file->setObjectName(QStringLiteral("planFile"));
    m_file->setAccessibleName(tr("Endpoints document"));
    m_file->setPlaceholderText(tr("endpoints.yaml"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("planBrowse"));
    browse->setAccessibleName(tr("Choose the endpoints document"));
    connect(browse, &QPushButton::clicked, this, &PlanDialog::browse);
    m_variables->setObjectName(QStringLiteral("planVariables"));
    m_variables->setAccessibleName(tr("Variables"));
    m_variables->table()->setAccessibleName(tr("Variables the document uses, name and value"));
    m_variables->table()->setMaximumHeight(fontMetrics().height() * 6);
    m_prune->setObjectName(QStringLiteral("planPrune"));
    m_prune->setAccessibleName(tr("Delete endpoints the file does not list"));
    m_inputError->setObjectName(QStringLiteral("planInputError"));
    m_inputError->setWordWrap(true);
    ErrorText::apply(m_inputError, palette());
    m_inputError->hide();
    m_planButton->setObjectName(QStringLiteral("planButton"));
    m_planButton->setAccessibleName(mode == Mode::Apply ? tr("Plan the changes") : tr("Compare with the providers"));
    m_planButton->setDefault(true);
    connect(m_planButton, &QPushButton::clicked, this, &PlanDialog::makePlan);

    m_problems->setObjectName(QStringLiteral("planProblems"));
    m_problems->setAccessibleName(tr("Problems in the document"));
    m_problems->hide();
    m_model->setObjectName(QStringLiteral("planModel"));
    m_tree->setObjectName(QStringLiteral("planTree"));
    m_tree->setAccessibleName(tr("Plan"));
    m_tree->setModel(m_model);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    // Fixed starting widths: a connection's heading spans the row, and must not widen the first column.
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->resizeSection(PlanTreeModel::Change, 190);
    m_tree->header()->resizeSection(PlanTreeModel::Endpoint, 300);
    m_tree->header()->resizeSection(PlanTreeModel::Details, 260);
    m_showUnchanged->setObjectName(QStringLiteral("planShowUnchanged"));
    m_showUnchanged->setAccessibleName(tr("Show unchanged endpoints"));
    connect(m_showUnchanged, &QCheckBox::toggled, this, [this](bool show) {
        m_model->setShowUnchanged(show);
        spanHeadings();
    });
    m_status->setObjectName(QStringLiteral("planStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setObjectName(QStringLiteral("planProgress"));
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->hide();
    m_cancel->setObjectName(QStringLiteral("planCancel"));
    m_cancel->setAccessibleName(tr("Cancel planning"));
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &PlanDialog::cancelPlan);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto *form = new QFormLayout;
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    auto *variablesLabel = new QLabel(tr("&Variables:"), this);
    variablesLabel->setBuddy(m_variables->table());
    form->addRow(variablesLabel, m_variables);
    form->addRow(QString(), m_prune);
    form->addRow(QString(), m_inputError);
    auto *planRow = new QHBoxLayout;
    planRow->addWidget(m_planButton);
    planRow->addWidget(m_progress, 1);
    planRow->addWidget(m_cancel);
    planRow->addStretch();

    auto *buttons = new QDialogButtonBox(this);
    if (mode == Mode::Apply) {
        m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::ActionRole);
        m_apply->setObjectName(QStringLiteral("planApply"));
        m_apply->setAccessibleName(tr("Apply the plan"));
        m_apply->setEnabled(false);
        connect(m_apply, &QPushButton::clicked, this, &PlanDialog::apply);
    }
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("planClose"));
    m_close->setAccessibleName(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &PlanDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(planRow);
    layout->addWidget(m_problems);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_showUnchanged);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(900, 640);
}

PlanDialog::~PlanDialog() = default;

void PlanDialog::setFileName(const QString &fileName) {
    m_file->setText(fileName);
}

void PlanDialog::browse() {
    const QString file = QFileDialog::getOpenFileName(this, windowTitle(), m_file->text(),
                                                      tr("Endpoints documents (*.yaml *.yml *.json)"));
    if (!file.isEmpty())
        m_file->setText(file);
}

void PlanDialog::reject() {
    if (m_applying)
        return;
    cancelPlan();
    QDialog::reject();
}

void PlanDialog::setBusy(bool busy, const QString &text) {
    m_progress->setVisible(busy);
    m_planButton->setEnabled(!busy);
    m_status->setText(text);
    updateApplyButton();
}

void PlanDialog::updateApplyButton() {
    if (!m_apply)
        return;
    const Plan &plan = m_model->plan();
    const bool ready = !m_applying && !m_appliedOnce && !m_builder && !plan.hasErrors() && plan.changeCount() > 0;
    m_apply->setEnabled(ready);
    m_apply->setDefault(ready);
    m_planButton->setDefault(!ready);
}

void PlanDialog::spanHeadings() {
    for (int row = 0; row < m_model->rowCount(); ++row)
        m_tree->setFirstColumnSpanned(row, QModelIndex(), true);
    m_tree->expandAll();
}

void PlanDialog::showProblems(const DocumentProblems &problems) {
    m_problems->clear();
    for (const DocumentProblem &problem : problems)
        m_problems->addItem(problem.toString());
    m_problems->setVisible(!problems.isEmpty());
}

void PlanDialog::makePlan() {
    m_inputError->hide();
    m_appliedOnce = false;
    m_model->setPlan(Plan());
    showProblems({});
    const QString fileName = m_file->text().trimmed();
    const auto inputError = [this](QWidget *field, const QString &text) {
        m_inputError->setText(text);
        m_inputError->setAccessibleName(text);
        m_inputError->show();
        field->setFocus();
    };
    if (fileName.isEmpty())
        return inputError(m_file, tr("Choose the endpoints document to read."));
    if (!m_variables->problem().isEmpty())
        return inputError(m_variables->table(), m_variables->problem());
    DocumentVariables variables;
    const StringMap values = m_variables->values();
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!DocumentVariables::isName(it.key()))
            return inputError(
                m_variables->table(),
                tr("\"%1\" is not a variable name: letters, digits and _ only, not starting with a digit.")
                    .arg(it.key()));
        variables.set(it.key(), it.value());
    }
    DocumentProblems problems;
    const std::optional<EndpointDocument> document = DocumentReader(variables).readFile(fileName, &problems);
    if (document)
        problems << DocumentValidator(m_service->registry()).validate(*document);
    showProblems(problems);
    if (!document || hasErrors(problems)) {
        m_status->setText(tr("The document is not valid; nothing was sent."));
        return updateApplyButton();
    }
    m_document = *document;
    m_warnings = problems;
    build(false);
}

void PlanDialog::build(bool beforeApply) {
    m_builder = new PlanBuilder(m_service, m_applied, this);
    connect(m_builder, &PlanBuilder::finished, this, [this, beforeApply](Plan plan) {
        m_builder->deleteLater();
        m_builder = nullptr;
        m_cancel->hide();
        plan.problems = m_warnings + m_unsettled + plan.problems;
        if (beforeApply)
            return checkedBeforeApply(plan);
        planned(plan);
    });
    m_cancel->setVisible(!beforeApply); // an apply under way is not cancelled half-way
    m_progress->setRange(0, 0);
    recoverThenBuild(m_builder);
}

// Creates a crash or a lost answer left unfinished (an earlier apply's among them) are settled
// first, so the plan sees the provider as it is and does not create them a second time: recovery
// records which document endpoint an apply's create was for.
void PlanDialog::recoverThenBuild(const QPointer<PlanBuilder> &builder) {
    QList<Connection> connections;
    for (const DocumentConnection &named : std::as_const(m_document.connections)) {
        for (const Connection &connection : std::as_const(m_connections)) {
            if (connection.name == named.name)
                connections << connection;
        }
    }
    m_unsettled.clear();
    const auto build = [this, builder] {
        if (!builder) // cancelled meanwhile
            return;
        setBusy(true,
                m_applying ? tr("Checking that the plan still holds…") : tr("Listing the endpoints at the providers…"));
        builder->build(m_document, m_connections, m_prune->isChecked());
    };
    if (m_service->unfinishedCreateCount(connections) == 0)
        return build();
    setBusy(true, tr("Settling creates left unfinished…"));
    m_service->recoverPendingCreates(
        connections, this,
        [this](const EndpointService::Recovery &report) {
            if (report.result != EndpointService::Recovery::Result::SecretUnstored)
                return;
            EndpointService::SecretOutcome outcome;
            outcome.endpoint = report.endpoint;
            outcome.keychain.status = SecretStatus::Failed;
            outcome.keychain.errorText = report.error.message;
            outcome.unstoredSecret = report.unstoredSecret;
            Connection connection;
            connection.id = report.connectionId;
            emit secretNotStored(connection, outcome);
        },
        [this, connections, build](const QList<EndpointService::Recovery> &reports) {
            m_unsettled = PlanBuilder::unsettledCreates(m_document, connections, reports, m_mode == Mode::Apply);
            build();
        });
}

void PlanDialog::cancelPlan() {
    if (!m_builder)
        return;
    delete m_builder; // its list requests answer to it, so their answers are dropped with it
    m_cancel->hide();
    setBusy(false, tr("Planning was cancelled."));
}

void PlanDialog::planned(const Plan &plan) {
    setBusy(false);
    m_model->setPlan(plan);
    spanHeadings();
    if (plan.hasErrors()) {
        showProblems(plan.problems);
        m_status->setText(tr("The plan has errors; nothing can be applied."));
    } else if (plan.changeCount() == 0) {
        m_status->setText(tr("No changes: the endpoints match the document."));
    } else {
        int counts[6] = {};
        for (const PlanItem &item : plan.items)
            ++counts[int(item.kind)];
        m_status->setText(tr("Plan: %1 to create, %2 to update, %3 to pause, %4 to resume, %5 to delete; %6 unchanged.")
                              .arg(counts[int(PlanItem::Kind::Create)])
                              .arg(counts[int(PlanItem::Kind::Update)])
                              .arg(counts[int(PlanItem::Kind::Pause)])
                              .arg(counts[int(PlanItem::Kind::Resume)])
                              .arg(counts[int(PlanItem::Kind::Delete)])
                              .arg(counts[int(PlanItem::Kind::Unchanged)]));
    }
    if (plan.untouched > 0)
        m_status->setText(m_status->text() + QLatin1Char(' ') +
                          tr("%n endpoint(s) of these connections are not in the document and are left alone.", nullptr,
                             plan.untouched));
    updateApplyButton();
    m_tree->setFocus();
    m_tree->setCurrentIndex(m_model->index(0, 0));
}

void PlanDialog::apply() {
    QStringList connectionIds;
    for (const PlanItem &item : m_model->plan().items) {
        if (!connectionIds.contains(item.connection.id))
            connectionIds << item.connection.id;
    }
    ApplyClaims::Holder holder;
    QString error;
    const ApplyClaims::Result claimed =
        m_claims ? m_claims->claim(connectionIds, &holder, &error) : ApplyClaims::Result::Claimed;
    if (claimed != ApplyClaims::Result::Claimed) {
        QString name = holder.connectionId;
        for (const Connection &connection : std::as_const(m_connections)) {
            if (connection.id == holder.connectionId)
                name = connection.name;
        }
        m_status->setText(
            claimed == ApplyClaims::Result::Failed
                ? tr("The connections could not be claimed for this apply (%1); nothing was applied.").arg(error)
            : holder.inThisProcess
                ? tr("Another Apply from File is applying to \"%1\"; nothing was applied. Apply again "
                     "once it has finished.")
                      .arg(name)
                : tr("Another program (process %1) is applying to \"%2\"; nothing was applied. Apply "
                     "again once it has finished.")
                      .arg(holder.owner.pid)
                      .arg(name));
        return;
    }
    // Under the claim, the plan is made again: it is carried out only if it is still the one shown.
    m_applying = true;
    m_close->setEnabled(false);
    build(true);
}

void PlanDialog::checkedBeforeApply(const Plan &fresh) {
    if (fresh.sameChanges(m_model->plan()))
        return execute(fresh); // the same changes, in the same order, from what the providers hold now
    m_applying = false;
    m_close->setEnabled(true);
    if (m_claims)
        m_claims->release();
    planned(fresh);
    m_status->setText(tr("The endpoints changed since this plan was made (another program may have applied to them); "
                         "nothing was applied. Review the new plan, then Apply.") +
                      QLatin1Char(' ') + m_status->text());
}

void PlanDialog::execute(const Plan &plan) {
    for (int i = 0; i < plan.items.size(); ++i) {
        if (plan.items.at(i).isChange())
            m_model->setItemState(i, PlanTreeModel::ItemState::Pending);
    }
    m_progress->setRange(0, plan.changeCount());
    m_progress->setValue(0);
    setBusy(true, tr("Applying %n change(s)…", nullptr, plan.changeCount()));
    auto *executor = new PlanExecutor(m_service, m_applied, this);
    connect(executor, &PlanExecutor::itemStarted, this,
            [this](int index) { m_model->setItemState(index, PlanTreeModel::ItemState::Running); });
    connect(executor, &PlanExecutor::itemFinished, this, &PlanDialog::itemFinished);
    connect(executor, &PlanExecutor::finished, this, [this, executor](const PlanExecutor::Report &report) {
        executor->deleteLater();
        applyFinished(report);
    });
    executor->execute(plan);
}

void PlanDialog::itemFinished(const PlanExecutor::ItemOutcome &outcome) {
    const PlanItem &item = m_model->plan().items.at(outcome.index);
    const EndpointService::SecretOutcome &result = outcome.result;
    m_progress->setValue(m_progress->value() + 1);
    if (!result.unstoredSecret.isEmpty())
        emit secretNotStored(item.connection, result);
    if (outcome.done) {
        const QString note = item.kind == PlanItem::Kind::Create ? tr("created %1").arg(result.endpoint.id) : QString();
        m_model->setItemState(outcome.index, PlanTreeModel::ItemState::Done,
                              outcome.recordProblem.isEmpty()
                                  ? note
                                  : tr("not recorded in the local state (%1)").arg(outcome.recordProblem));
        return;
    }
    QStringList why;
    for (const ValidationIssue &issue : result.issues)
        why << issue.message;
    if (result.error.isError())
        why << result.error.toString();
    if (result.mayHaveReachedProvider)
        why << tr("the create may have reached the provider; it is kept and settled on the next plan");
    m_model->setItemState(outcome.index, PlanTreeModel::ItemState::Failed, why.join(QStringLiteral("; ")));
}

void PlanDialog::applyFinished(const PlanExecutor::Report &report) {
    m_applying = false;
    if (m_claims)
        m_claims->release();
    m_appliedOnce = true;
    m_close->setEnabled(true);
    const Plan &plan = m_model->plan();
    for (int index : report.notAttempted)
        m_model->setItemState(index, PlanTreeModel::ItemState::NotDone);
    QString summary;
    if (report.succeeded()) {
        summary = report.applied.isEmpty()
                      ? tr("No changes: the endpoints match the document.")
                      : tr("Apply complete: %n change(s) applied.", nullptr, int(report.applied.size()));
    } else {
        const auto names = [&plan](const QList<int> &indexes) {
            QStringList list;
            for (int index : indexes)
                list << PlanTreeModel::kindText(plan.items.at(index).kind) + QLatin1Char(' ') +
                            PlanTreeModel::itemName(plan.items.at(index));
            return list.isEmpty() ? tr("nothing") : list.join(QStringLiteral(", "));
        };
        QList<int> notDone = report.notAttempted;
        if (!report.applied.contains(report.failed))
            notDone.prepend(report.failed);
        summary = tr("The apply stopped at its first error (%1). Done: %2. Not done: %3. Apply the same file again "
                     "to finish the job.")
                      .arg(names({report.failed}), names(report.applied), names(notDone));
    }
    if (report.secretUnstored)
        summary += QLatin1Char(' ') + tr("A signing secret could not be stored in your keychain; it is shown once.");
    setBusy(false, summary);
    m_progress->hide();
    if (!report.applied.isEmpty())
        emit applied();
    m_close->setFocus();
}
