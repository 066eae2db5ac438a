/** Runs the projections: one processor per read model and generation, rebuilds beside the live one, dead letters, status. */
package io.ledgerline.projections.runtime;
