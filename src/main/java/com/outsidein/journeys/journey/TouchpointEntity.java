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

import org.hibernate.annotations.ColumnTransformer;

/** A touchpoint: how the company meets the buyer at a step. */
@Entity
@Table(name = "touchpoint")
public class TouchpointEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "journey_id")
    public JourneyEntity journey;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "step_id")
    public StepEntity step;
    @Column(nullable = false)
    public String key;
    @Column(nullable = false)
    public int position;
    @Column(nullable = false)
    public String name;
    public String description;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Mode mode;
    public String owner;
    @Column(nullable = false)
    public boolean staffed;
    @Column(name = "looks_personal", nullable = false)
    public boolean looksPersonal;
    /** The exclusion rules as JSON; content is written by the repository's set-based insert, never through the entity. */
    @ColumnTransformer(read = "excludes::text")
    @Column(columnDefinition = "jsonb", insertable = false, updatable = false)
    public String excludes;
    /** The source events as JSON; content is written by the repository's set-based insert, never through the entity. */
    @org.hibernate.annotations.ColumnTransformer(read = "source_events::text")
    @Column(name = "source_events", columnDefinition = "jsonb", insertable = false, updatable = false)
    public String sourceEvents;
}
