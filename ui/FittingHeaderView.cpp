#include "FittingHeaderView.h"

#include <QResizeEvent>

FittingHeaderView::FittingHeaderView(QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent) {
    setStretchLastSection(false);
    // A width the operator gives the shrinkable section by hand is the one it returns to.
    connect(this, &QHeaderView::sectionResized, this, [this](int logicalIndex, int, int newSize) {
        if (!m_fitting && logicalIndex == m_shrinkableSection && newSize > 0)
            m_shrinkablePreferred = newSize;
    });
}

FittingHeaderView::~FittingHeaderView() = default;

void FittingHeaderView::setStretchSection(int logicalIndex, int minimumWidth) {
    m_stretchSection = logicalIndex;
    m_stretchMinimum = minimumWidth;
    fit();
}

void FittingHeaderView::setShrinkableSection(int logicalIndex, int minimumWidth, int preferredWidth) {
    m_shrinkableSection = logicalIndex;
    m_shrinkableMinimum = minimumWidth;
    m_shrinkablePreferred = preferredWidth;
    fit();
}

void FittingHeaderView::setHidingOrder(const QList<int> &logicalIndexes) {
    m_hidingOrder = logicalIndexes;
    fit();
}

int FittingHeaderView::widthOf(int logicalIndex) const {
    if (logicalIndex == m_shrinkableSection)
        return m_shrinkablePreferred;
    // A hidden section reports 0; the width it had is what it needs to come back.
    return isSectionHidden(logicalIndex) ? m_hiddenWidths.value(logicalIndex, defaultSectionSize())
                                         : sectionSize(logicalIndex);
}

void FittingHeaderView::fit() {
    if (m_fitting || m_stretchSection < 0 || m_stretchSection >= count())
        return;
    m_fitting = true;
    // Stretch is set here rather than once: restoreState() brings back whatever modes were saved.
    setStretchLastSection(false);
    setSectionResizeMode(m_stretchSection, QHeaderView::Stretch);

    int needed = m_stretchMinimum;
    for (int section = 0; section < count(); ++section) {
        if (section != m_stretchSection)
            needed += widthOf(section);
    }
    QList<int> hide;
    for (const int section : std::as_const(m_hidingOrder)) {
        if (needed <= width())
            break;
        hide << section;
        needed -= widthOf(section);
    }
    for (const int section : std::as_const(m_hidingOrder)) {
        if (section < 0 || section >= count() || isSectionHidden(section) == hide.contains(section))
            continue;
        if (hide.contains(section))
            m_hiddenWidths.insert(section, sectionSize(section));
        setSectionHidden(section, hide.contains(section));
    }
    if (m_shrinkableSection >= 0 && m_shrinkableSection < count()) {
        const int shortBy = qMax(0, needed - width());
        resizeSection(m_shrinkableSection, qMax(m_shrinkableMinimum, m_shrinkablePreferred - shortBy));
    }
    m_fitting = false;
}

void FittingHeaderView::resizeEvent(QResizeEvent *event) {
    QHeaderView::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        fit();
}
