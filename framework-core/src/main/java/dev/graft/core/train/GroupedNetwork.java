package dev.graft.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.graft.spi.backbone.LayerGroup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A backbone's layer groups followed by an optional head, run in sequence. Each group trains or
 * not on its own: a frozen group's parameters get no gradient and its forward pass runs with
 * {@code training = false}, so its BatchNorm layers normalise with their running statistics and
 * leave them untouched. A training group may also run its forward pass in inference mode
 * (BatchNorm frozen while its weights train, as Keras fine-tunes).
 */
public final class GroupedNetwork extends AbstractBlock {
    private static final byte VERSION = 1;

    private final List<LayerGroup> groups;
    private final Block head;
    /** Reparametrised weights and the blocks computing them, in the order they were added (see {@link #adopt}). */
    private final java.util.Map<ai.djl.nn.Parameter, Block> reparametrised = new java.util.LinkedHashMap<>();
    private final List<Block> inserted = new ArrayList<>();
    private Reparametrisations reparametrisations;
    private final Block sourceHead;
    private final boolean[] trainingMode;
    private boolean auxiliaryOutputs;

    /**
     * @param groups the backbone's layer groups, input to output
     * @param head the head, or null for a feature extractor
     */
    public GroupedNetwork(List<LayerGroup> groups, Block head) {
        this(groups, head, null);
    }

    /**
     * @param groups the backbone's layer groups, input to output
     * @param head the head, or null for a feature extractor
     * @param sourceHead a second head on the same features, the source task's (trained beside the
     *     head for learning without forgetting), or null
     */
    public GroupedNetwork(List<LayerGroup> groups, Block head, Block sourceHead) {
        super(VERSION);
        this.groups = new ArrayList<>(groups);
        this.head = head;
        this.sourceHead = sourceHead;
        for (LayerGroup group : this.groups) {
            addChildBlock(group.name(), group.block());
        }
        if (head != null) {
            addChildBlock("head", head);
        }
        if (sourceHead != null) {
            addChildBlock("sourceHead", sourceHead);
        }
        this.trainingMode = new boolean[this.groups.size()];
        Arrays.fill(trainingMode, true);
    }

    /**
     * Makes training-mode forward passes return, after the head's output, the backbone's features
     * flattened to (batch, features) and, with a source head, the source head's output. Inference
     * passes always return the head's output alone.
     *
     * @param on whether to add them
     */
    public void setAuxiliaryOutputs(boolean on) {
        this.auxiliaryOutputs = on;
    }

    /** @return the source head, or null */
    public Block sourceHead() {
        return sourceHead;
    }

    /** @return the backbone's layer groups */
    public List<LayerGroup> groups() {
        return java.util.Collections.unmodifiableList(groups);
    }

    /**
     * Takes on what a hook's edits changed: groups whose own block was wrapped, reparametrised
     * weights (read through their blocks in every forward pass until {@link
     * #mergeReparametrisations}) and inserted blocks, whose parameters, like the
     * reparametrisations', train whatever the freeze schedule says.
     *
     * @param editor the editor the hooks used on this network's groups
     */
    public void adopt(dev.graft.spi.edit.LayerEditor editor) {
        List<LayerGroup> edited = editor.groups();
        for (int i = 0; i < groups.size(); i++) {
            LayerGroup old = groups.get(i);
            if (edited.get(i).block() != old.block()) {
                groups.set(i, edited.get(i));
                int at = children.indexOf(old.name());
                children.remove(at);
                children.add(at, old.name(), edited.get(i).block());
            }
        }
        editor.reparametrisations().forEach((weight, block) -> {
            if (reparametrisations == null) {
                reparametrisations = addChildBlock("reparametrisations", new Reparametrisations());
            }
            reparametrisations.add(block);
            reparametrised.put(weight, block);
        });
        inserted.addAll(editor.insertedBlocks());
    }

    /** @return the blocks edits added (reparametrisations and inserted blocks), whose parameters always train */
    public List<Block> editBlocks() {
        List<Block> blocks = new ArrayList<>(reparametrised.values());
        blocks.addAll(inserted);
        return blocks;
    }

    /** @return whether an edit reparametrises a weight, so the network has an unmerged form */
    public boolean hasReparametrisations() {
        return !reparametrised.isEmpty();
    }

    /**
     * Writes each reparametrised weight as its reparametrisation computes it into the weight and
     * drops the reparametrisations: afterwards the backbone has the architecture it was built
     * with, and computes what it computed before.
     *
     * @param manager the manager the merged weights attach to
     */
    public void mergeReparametrisations(NDManager manager) {
        dev.graft.spi.edit.LayerEditor.merge(reparametrised, manager);
        reparametrised.clear();
        children.remove("reparametrisations");
        reparametrisations = null;
    }

    /** @return the names of the layer groups, input to output */
    public List<String> groupNames() {
        return groups.stream().map(LayerGroup::name).toList();
    }

    /**
     * Freezes or unfreezes one group: its trainable parameters stop (or start) receiving
     * gradients. BatchNorm running statistics never receive gradients either way.
     *
     * @param index the group
     * @param train whether its parameters train
     * @param trainingMode whether its forward pass runs in training mode (BatchNorm batch
     *     statistics and running-statistic updates, dropout); only meaningful when it trains
     */
    public void setTrains(int index, boolean train, boolean trainingMode) {
        this.trainingMode[index] = train && trainingMode;
        groups.get(index).block().freezeParameters(!train, GroupedNetwork::isTrainable);
    }

    /**
     * @param index a group
     * @return whether its forward pass runs in training mode in a training pass (BatchNorm on batch statistics, updating its running ones)
     */
    public boolean runsInTrainingMode(int index) {
        return trainingMode[index];
    }

    /** @return every parameter of the layer groups as a freeze schedule's {@code parameters} sees them */
    public List<dev.graft.spi.freeze.BackboneParameter> describedParameters() {
        return BackboneParameters.of(this).described();
    }

    /** @return the head, or null */
    public Block head() {
        return head;
    }

    /**
     * Freezes a group except for its BatchNorm scale and shift, and runs it in training mode so
     * its BatchNorm statistics follow the data (fastai's and Lightning's {@code train_bn}).
     *
     * @param index the group
     */
    public void setBatchNormOnly(int index) {
        this.trainingMode[index] = true;
        Block block = groups.get(index).block();
        block.freezeParameters(true, parameter -> isTrainable(parameter) && !isNormalization(parameter));
        block.freezeParameters(false, GroupedNetwork::isNormalization);
    }

    static boolean isNormalization(Parameter parameter) {
        return parameter.getType() == Parameter.Type.GAMMA || parameter.getType() == Parameter.Type.BETA;
    }

    static boolean isTrainable(Parameter parameter) {
        return parameter.getType() != Parameter.Type.RUNNING_MEAN && parameter.getType() != Parameter.Type.RUNNING_VAR;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        ParameterStore parameterStore = dev.graft.spi.edit.LayerEditor.reading(store, reparametrised);
        NDList current = inputs;
        for (int i = 0; i < groups.size(); i++) {
            current = groups.get(i).block().forward(parameterStore, current, training && trainingMode[i], params);
        }
        if (head == null) {
            return current;
        }
        NDList logits = head.forward(parameterStore, current, training, params);
        if (!training || !auxiliaryOutputs) {
            return logits;
        }
        NDArray features = current.singletonOrThrow();
        NDList out = new NDList(logits.singletonOrThrow(), features.reshape(features.getShape().get(0), -1));
        if (sourceHead != null) {
            out.add(sourceHead.forward(parameterStore, current, training, params).singletonOrThrow());
        }
        return out;
    }

    @Override
    public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (LayerGroup group : groups) {
            group.block().initialize(manager, dataType, shapes);
            shapes = group.block().getOutputShapes(shapes);
        }
        for (Block block : new Block[] {head, sourceHead}) {
            if (block != null) {
                block.initialize(manager, dataType, shapes);
            }
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape[] current = inputs;
        for (LayerGroup group : groups) {
            current = group.block().getOutputShapes(current);
        }
        return head == null ? current : head.getOutputShapes(current);
    }

    /** @return every parameter value of the backbone's groups, serialised */
    public byte[] saveBackbone() {
        return saveGroupsFrom(0);
    }

    /**
     * @param manager the manager new parameter arrays attach to
     * @param bytes parameters from {@link #saveBackbone()} of the same architecture
     */
    public void loadBackbone(NDManager manager, byte[] bytes) {
        loadGroupsFrom(manager, 0, bytes);
    }

    /**
     * @param from the first group to save
     * @return the parameter values of groups {@code from} and above, serialised
     */
    public byte[] saveGroupsFrom(int from) {
        return save(blocks(from, false));
    }

    /**
     * @param manager the manager new parameter arrays attach to
     * @param from the first group to load
     * @param bytes parameters from {@link #saveGroupsFrom(int)} with the same {@code from}
     */
    public void loadGroupsFrom(NDManager manager, int from, byte[] bytes) {
        load(manager, blocks(from, false), bytes);
    }

    /** @return the head's parameter values, serialised */
    public byte[] saveHead() {
        return saveBlock(head);
    }

    /**
     * @param block an initialised block
     * @return its parameter values, serialised for {@link #loadBlock}
     */
    public static byte[] saveBlock(Block block) {
        return save(List.of(block));
    }

    /**
     * @param manager the manager new parameter arrays attach to
     * @param block an initialised block of the same architecture as the head that was saved
     * @param bytes parameters from {@link #saveHead()} or {@link #saveBlock}
     */
    public static void loadBlock(NDManager manager, Block block, byte[] bytes) {
        load(manager, List.of(block), bytes);
    }

    /** The container of the reparametrising blocks, so their parameters are the network's (listed, trained, saved). */
    private static final class Reparametrisations extends AbstractBlock {
        void add(Block block) {
            addChildBlock("r" + children.size(), block);
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            throw new UnsupportedOperationException("reparametrisations are read through the parameter store");
        }

        @Override
        protected void saveMetadata(DataOutputStream os) {
            // a container without inputs of its own: its children save their parameters
        }

        @Override
        public void loadMetadata(byte loadVersion, DataInputStream is) {}

        @Override
        public Shape[] getOutputShapes(Shape[] inputs) {
            return inputs;
        }
    }

    /** @return every parameter value, heads included, serialised */
    public byte[] saveAll() {
        return save(blocks(0, true));
    }

    /**
     * @param manager the manager new parameter arrays attach to
     * @param bytes parameters from {@link #saveAll()} of the same network
     */
    public void loadAll(NDManager manager, byte[] bytes) {
        load(manager, blocks(0, true), bytes);
    }

    /** The groups from {@code from} up, then the head if asked for and present. */
    private List<Block> blocks(int from, boolean withHead) {
        List<Block> blocks = new ArrayList<>(groups.subList(from, groups.size()).stream().map(LayerGroup::block).toList());
        if (withHead && head != null) {
            blocks.add(head);
        }
        if (withHead && sourceHead != null) {
            blocks.add(sourceHead);
        }
        if (withHead && reparametrisations != null) {
            blocks.add(reparametrisations);
        }
        return blocks;
    }

    private static byte[] save(List<Block> blocks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (Block block : blocks) {
                block.saveParameters(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void load(NDManager manager, List<Block> blocks, byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            for (Block block : blocks) {
                block.loadParameters(manager, in);
                // DJL's Parameter.load builds each array on a Java buffer, and without marking it for gradients
                NativeMemory.ownParameters(block);
            }
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new IllegalStateException("saved parameters do not fit this network: " + e.getMessage(), e);
        }
    }
}
