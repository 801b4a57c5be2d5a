package com.outsidein.journeys.journey;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/** A buyer action at a step, and the touchpoints that answer it. */
@Entity
@Table(name = "buyer_action")
public class ActionEntity extends PanacheEntityBase {
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
    @Column(name = "expects_response", nullable = false)
    public boolean expectsResponse;
    @Column(name = "response_sla")
    public String responseSla;
    @Column(name = "requires_human", nullable = false)
    public boolean requiresHuman;
    /** The source events as JSON; content is written by the repository's set-based insert, never through the entity. */
    @org.hibernate.annotations.ColumnTransformer(read = "source_events::text")
    @Column(name = "source_events", columnDefinition = "jsonb", insertable = false, updatable = false)
    public String sourceEvents;
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "action_response",
            joinColumns = @JoinColumn(name = "action_id"),
            inverseJoinColumns = @JoinColumn(name = "touchpoint_id"))
    @OrderColumn(name = "position")
    public List<TouchpointEntity> respondedBy = new ArrayList<>();
}
