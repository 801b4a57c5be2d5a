package com.outsidein.journeys.journey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One recorded condition of a transition. */
@Entity
@Table(name = "transition_condition")
public class ConditionEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "transition_id")
    public TransitionEntity transition;
    @Column(nullable = false)
    public int position;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConditionType type;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "action_id")
    public ActionEntity action;
    @Column(name = "min_count")
    public Integer minCount;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "touchpoint_id")
    public TouchpointEntity touchpoint;
    public String attribute;
    public String value;
    public String duration;
    public String note;
}
