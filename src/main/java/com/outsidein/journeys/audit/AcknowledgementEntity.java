package com.outsidein.journeys.audit;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A stored acknowledgement of one gap of one journey. */
@Entity
@Table(name = "gap_acknowledgement")
public class AcknowledgementEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "journey_id", nullable = false)
    public long journeyId;
    @Column(name = "gap_id", nullable = false)
    public String gapId;
    @Column(nullable = false)
    public String reason;
    @Column(nullable = false)
    public String fingerprint;
    @Column(name = "acknowledged_at", nullable = false)
    public OffsetDateTime acknowledgedAt;
}
