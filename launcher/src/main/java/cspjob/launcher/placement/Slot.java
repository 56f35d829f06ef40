package cspjob.launcher.placement;

/**
 * One slot of a node list.
 *
 * @param host       the node's host name
 * @param node       the node's position in the node list, from 0
 * @param slotOnNode the slot's position on its node, from 0
 * @param index      the slot's position in the whole list taken node by node (what a pin names), from 0
 */
public record Slot(String host, int node, int slotOnNode, int index) {
}
