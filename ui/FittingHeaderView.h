#pragma once

#include <QHash>
#include <QHeaderView>
#include <QList>

// A horizontal header whose sections fit the view's width, so nothing hides behind a horizontal
// scrollbar by default: one section stretches to take what is left (never below its minimum), the
// others keep their width, and when the width runs out the least important ones are hidden, to come
// back when there is room again (a wider window, a collapsed side pane). A section the operator
// widens by hand keeps that width; only then can a scrollbar appear.
class FittingHeaderView final : public QHeaderView {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FittingHeaderView)

public:
    explicit FittingHeaderView(QWidget *parent = nullptr);
    ~FittingHeaderView() override;

    // The section that takes the remaining width, and the least it may have.
    void setStretchSection(int logicalIndex, int minimumWidth);
    // A section that is narrowed, down to minimumWidth, when the stretching one would get less than
    // its minimum even with every hideable section hidden; otherwise it has preferredWidth (or the
    // width the operator gave it).
    void setShrinkableSection(int logicalIndex, int minimumWidth, int preferredWidth);
    // Sections hidden first to last as the width runs out; sections not listed always stay.
    void setHidingOrder(const QList<int> &logicalIndexes);
    // Hides or shows sections for the current width; also wanted after restoreState().
    void fit();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    int widthOf(int logicalIndex) const;

    int m_stretchSection = -1;
    int m_stretchMinimum = 0;
    int m_shrinkableSection = -1;
    int m_shrinkableMinimum = 0;
    int m_shrinkablePreferred = 0;
    QList<int> m_hidingOrder;
    QHash<int, int> m_hiddenWidths; // what a section fitted away had, for when it comes back
    bool m_fitting = false;
};
