package com.outsidein.journeys.journey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A step of a journey, in buyer order. */
@Entity
@Table(name = "journey_step")
public class StepEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "journey_id")
    public JourneyEntity journey;
    @Column(nullable = false)
    public String key;
    @Column(nullable = false)
    public int position;
    @Column(nullable = false)
    public String name;
    public String description;
    @Column(name = "buyer_goal")
    public String buyerGoal;
    @Column(nullable = false)
    public boolean optional;
    @Column(name = "stale_after")
    public String staleAfter;
    /** The source events as JSON; content is written by the repository's set-based insert, never through the entity. */
    @org.hibernate.annotations.ColumnTransformer(read = "source_events::text")
    @Column(name = "source_events", columnDefinition = "jsonb", insertable = false, updatable = false)
    public String sourceEvents;
}
