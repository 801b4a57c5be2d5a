package com.outsidein.journeys.journey;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A journey row: the root of one team's journey document. */
@Entity
@Table(name = "journey")
public class JourneyEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "team_id", nullable = false)
    public long teamId;
    @Column(nullable = false)
    public String key;
    @Column(nullable = false)
    public String name;
    public String description;
    public String segment;
    @Column(nullable = false)
    public long version;
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
