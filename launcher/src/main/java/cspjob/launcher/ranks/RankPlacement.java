package cspjob.launcher.ranks;

import cspjob.launcher.placement.PlacementState;
import cspjob.launcher.placement.Rank;
import cspjob.launcher.placement.Slot;
import cspjob.runtime.Placement;
import cspjob.runtime.Worker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Places cluster processes on a job's ranks: each takes the next slot of the job's placement
 * scheme (or the slot it is pinned to) and runs on the rank of that slot. Cluster processes
 * started inside a rank are placed here too (the runtime asks the launcher), so one placement
 * state serves the whole job and a self-spawning chain keeps the scheme (seed 000 §3.2).
 */
public final class RankPlacement implements Placement {
    private final AtomicReference<PlacementState> state;
    private final Map<Integer, Worker> workerOfSlot;

    /**
     * @param start   the job's node list and scheme, nothing placed yet
     * @param ranks   the job's ranks
     * @param workers each rank's worker, by rank number
     */
    public RankPlacement(PlacementState start, List<Rank> ranks, Map<Integer, Worker> workers) {
        this.state = new AtomicReference<>(start);
        Map<Integer, Worker> bySlot = new java.util.HashMap<>();
        for (Rank rank : ranks) {
            // A rank stands for `cores` slots of its node, from its own slot on (one JVM per node: all of them).
            for (int i = 0; i < rank.cores(); i++) {
                bySlot.put(rank.slot().index() + i, workers.get(rank.rank()));
            }
        }
        this.workerOfSlot = Map.copyOf(bySlot);
    }

    @Override
    public Worker place(String processName, int pinnedSlot) {
        Slot slot;
        if (pinnedSlot >= 0) {
            try {
                slot = state.get().pinned(pinnedSlot);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("process '" + processName + "': " + e.getMessage(), e);
            }
        } else {
            slot = state.getAndUpdate(current -> current.next().after()).next().slot();
        }
        Worker worker = workerOfSlot.get(slot.index());
        if (worker == null || !worker.isAlive()) {
            throw new IllegalStateException("process '" + processName + "' was placed on slot " + slot.index() + " (" + slot.host()
                    + "), whose rank is " + (worker == null ? "not running" : "gone: " + worker.whyLost()));
        }
        return worker;
    }
}
