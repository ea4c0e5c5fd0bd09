#pragma once

#include "ApplyClaims.h"
#include "Connection.h"
#include "EndpointDocument.h"
#include "EndpointService.h"
#include "Plan.h"
#include "PlanExecutor.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class AppliedEndpoints;
class KeyValueEditor;
class PlanBuilder;
class PlanTreeModel;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTreeView;

// File → Apply from File… and File → Compare with File…: an endpoints document, its variables and
// whether to prune; then the document is read and checked (its problems listed FILE:LINE, nothing
// sent), the plan is built (PlanBuilder, cancellable) and shown as a tree (PlanTreeModel). In
// Apply mode, Apply carries it out (PlanExecutor) showing each change's progress, and stops at the
// first error with what was and was not done. Compare mode has no Apply.
//
// Apply first claims the plan's connections (ApplyClaims: a webhookctl apply, or another dialog,
// may be applying to them) and plans again under the claim: only a plan that is still the one
// reviewed is carried out; a changed one is shown instead.
class PlanDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlanDialog)

public:
    enum class Mode { Apply, Compare };

    PlanDialog(Mode mode, EndpointService *service, AppliedEndpoints *applied, const QList<Connection> &connections,
               QWidget *parent = nullptr);
    ~PlanDialog() override;

    void setFileName(const QString &fileName);
    // Reads, checks and plans the chosen file.
    void makePlan();
    void reject() override; // refused while an apply is under way: it would stop half-way unseen

signals:
    // A create whose secret the keychain did not take: shown once to the operator.
    void secretNotStored(const Connection &connection, const EndpointService::SecretOutcome &outcome);
    void applied(); // something changed at a provider: the endpoints table is out of date

private:
    void browse();
    void spanHeadings(); // warnings and connection headings across the whole row
    // Plans m_document: to show it, or (beforeApply) to check that the plan shown still holds.
    void build(bool beforeApply);
    void recoverThenBuild(const QPointer<PlanBuilder> &builder);
    void showProblems(const DocumentProblems &problems);
    void planned(const Plan &plan);
    void cancelPlan();
    void apply();
    void checkedBeforeApply(const Plan &fresh);
    void execute(const Plan &plan);
    void itemFinished(const PlanExecutor::ItemOutcome &outcome);
    void applyFinished(const PlanExecutor::Report &report);
    void setBusy(bool busy, const QString &text = QString());
    void updateApplyButton();

    Mode m_mode;
    EndpointService *m_service;
    AppliedEndpoints *m_applied;
    QList<Connection> m_connections;
    QPointer<PlanBuilder> m_builder;
    std::unique_ptr<ApplyClaims> m_claims; // Apply mode
    EndpointDocument m_document;           // as last read
    DocumentProblems m_warnings;           // of reading it
    DocumentProblems m_unsettled;          // creates recovery left unsettled
    bool m_applying = false;
    bool m_appliedOnce = false;

    QLineEdit *m_file;
    KeyValueEditor *m_variables;
    QCheckBox *m_prune;
    QLabel *m_inputError;
    QPushButton *m_planButton;
    QListWidget *m_problems;
    QTreeView *m_tree;
    PlanTreeModel *m_model;
    QCheckBox *m_showUnchanged;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QPushButton *m_apply = nullptr;
    QPushButton *m_close;
};
