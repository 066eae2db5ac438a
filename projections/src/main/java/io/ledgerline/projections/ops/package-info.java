/** The operators' API of the projections: status, rebuild, dead letters; and their health and metrics. */
package io.ledgerline.projections.ops;
