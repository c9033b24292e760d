package dev.graft.spi.edit;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import dev.graft.spi.backbone.LayerGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link BackboneEdits} over a backbone's layer groups, as Graft applies a hook's edits (and as a
 * plugin's own tests can): lists the groups' blocks, records reparametrised weights, and inserts
 * blocks after layers by replacing the layer in its parent. New blocks are initialised here, in
 * the order the edits are made, so the engine's seed (set before) decides their values.
 *
 * <p>What it changed is read back afterwards: {@link #groups()} (a group whose own block was
 * wrapped has a new block), {@link #reparametrisations()} (run a forward pass with {@link
 * #reading(ParameterStore, Map)} to use them) and {@link #insertedBlocks()}.
 */
public final class LayerEditor implements BackboneEdits {
    private final List<LayerGroup> groups;
    private final NDManager manager;
    private final Map<String, Parent> parents = new HashMap<>();
    private final Map<Parameter, Block> reparametrisations = new java.util.LinkedHashMap<>();
    private final List<Block> insertedBlocks = new ArrayList<>();
    private List<EditableLayer> layers;

    /** Where a listed block sits: its parent (null for a group's own block), its name there and its group. */
    private record Parent(Block parent, String name, int group) {}

    /**
     * @param groups a backbone's layer groups, initialised (pretrained weights in place)
     * @param manager the manager new parameters attach to
     */
    public LayerEditor(List<LayerGroup> groups, NDManager manager) {
        this.groups = new ArrayList<>(requireNonNull(groups, "groups is null"));
        this.manager = requireNonNull(manager, "manager is null");
    }

    /** @return the layer groups as edited: a group whose own block had a block inserted after it holds the pair */
    public List<LayerGroup> groups() {
        return List.copyOf(groups);
    }

    /** @return each reparametrised weight and the block computing the weight to use, in the order made */
    public Map<Parameter, Block> reparametrisations() {
        return java.util.Collections.unmodifiableMap(reparametrisations);
    }

    /** @return the inserted blocks, in the order made */
    public List<Block> insertedBlocks() {
        return List.copyOf(insertedBlocks);
    }

    /**
     * Merges reparametrisations into their weights: writes into each weight what its block
     * computes from it (in inference mode), so the layers compute without the blocks what they
     * computed with them.
     *
     * @param reparametrisations weights and their blocks, from {@link #reparametrisations()}
     * @param manager a manager for the computation
     */
    public static void merge(Map<Parameter, Block> reparametrisations, NDManager manager) {
        ParameterStore store = new ParameterStore(manager, false);
        for (var entry : reparametrisations.entrySet()) {
            ai.djl.ndarray.NDArray stored = entry.getKey().getArray();
            try (NDManager scope = manager.newSubManager()) {
                ai.djl.ndarray.NDArray merged = entry.getValue().forward(store, new NDList(stored), false).singletonOrThrow();
                if (merged == stored) {
                    continue; // an identity
                }
                merged.attach(scope);
                // copied into the weight's own memory, as imported weights are
                stored.set(new ai.djl.ndarray.index.NDIndex("..."), merged);
            }
        }
    }

    /**
     * A parameter store for forward passes of the edited backbone: it reads each reparametrised
     * weight through its block, every other parameter from {@code store}.
     *
     * @param store the store the pass would use
     * @param reparametrisations weights and their blocks, from {@link #reparametrisations()}
     * @return {@code store} itself when there are none
     */
    public static ParameterStore reading(ParameterStore store, Map<Parameter, Block> reparametrisations) {
        return reparametrisations.isEmpty() ? store : new ReparametrisedStore(store, reparametrisations);
    }

    @Override
    public List<EditableLayer> layers() {
        if (layers == null) {
            layers = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                var group = groups.get(g);
                Shape[] input = group.block().getInputShapes();
                list(group.name(), g, group.block(), input, null, group.name());
            }
        }
        return List.copyOf(layers);
    }

    private void list(String path, int group, Block block, Shape[] input, Block parent, String name) {
        Shape[] output = input == null ? null : outputShapes(block, input);
        layers.add(new EditableLayer(path, group, kind(block), weightShape(block), output, block));
        parents.put(path, new Parent(parent, name, group));
        List<String> keys = block.getChildren().keys();
        for (var child : block.getChildren()) {
            Block c = child.getValue();
            list(path + "/" + shown(child.getKey(), keys), group, c, c.getInputShapes(), block, child.getKey());
        }
    }

    /**
     * A child's name as a path shows it: without the two-digit position DJL puts before every
     * child's name ({@code 01Conv2d}, {@code 01attention}) when the rest is unique among its
     * siblings ({@code Conv2d}, {@code attention}).
     */
    static String shown(String key, List<String> siblings) {
        String bare = bare(key);
        return siblings.stream().filter(k -> bare(k).equals(bare)).count() == 1 ? bare : key;
    }

    private static String bare(String key) {
        return key.matches("\\d{2}.+") ? key.substring(2) : key;
    }

    private static Shape[] outputShapes(Block block, Shape[] input) {
        try {
            return block.getOutputShapes(input);
        } catch (RuntimeException e) {
            return null; // a block that cannot say without running
        }
    }

    private static Shape weightShape(Block block) {
        for (var parameter : block.getDirectParameters()) {
            if ("weight".equals(parameter.getKey()) && parameter.getValue().isInitialized()) {
                return parameter.getValue().getArray().getShape();
            }
        }
        return null;
    }

    private static EditableLayer.Kind kind(Block block) {
        if (block instanceof Linear) {
            return EditableLayer.Kind.LINEAR;
        }
        if (block instanceof Convolution) {
            return EditableLayer.Kind.CONVOLUTION;
        }
        if (block instanceof BatchNorm || block instanceof LayerNorm) {
            return EditableLayer.Kind.NORMALIZATION;
        }
        if (block instanceof Embedding<?>) {
            return EditableLayer.Kind.EMBEDDING;
        }
        if (block.getClass().getSimpleName().contains("Attention")) {
            return EditableLayer.Kind.ATTENTION;
        }
        return EditableLayer.Kind.OTHER;
    }

    @Override
    public void reparametrise(EditableLayer layer, Block reparametrisation) {
        Parameter weight = layer.block().getDirectParameters().contains("weight") ? layer.block().getDirectParameters().get("weight") : null;
        if (weight == null || !weight.isInitialized()) {
            throw new IllegalArgumentException(layer.path() + " has no weight to reparametrise");
        }
        if (reparametrisations.containsKey(weight)) {
            throw new IllegalArgumentException(layer.path() + " is already reparametrised");
        }
        initialize(reparametrisation, weight.getArray().getShape());
        Shape out = reparametrisation.getOutputShapes(new Shape[] {weight.getArray().getShape()})[0];
        if (!out.equals(weight.getArray().getShape())) {
            throw new IllegalArgumentException("the reparametrisation of " + layer.path() + " returns " + out + " for a weight of " + weight.getArray().getShape());
        }
        reparametrisations.put(weight, reparametrisation);
    }

    @Override
    public void insertAfter(EditableLayer layer, Block block) {
        Parent at = parents.get(layer.path());
        if (at == null) {
            throw new IllegalArgumentException(layer.path() + " is not a layer of this backbone");
        }
        Shape[] output = layer.outputShapes();
        if (output == null) {
            throw new IllegalArgumentException(layer.path() + " does not say its output shapes, so nothing can be inserted after it");
        }
        initialize(block, output);
        Block replacement = new Inserted(layer.block(), block);
        if (at.parent() == null) {
            groups.set(at.group(), new LayerGroup(groups.get(at.group()).name(), replacement));
        } else if (at.parent() instanceof SequentialBlock sequential) {
            replaceIn(sequential, at.name(), replacement);
        } else if (at.parent() instanceof ReplaceableChildren replaceable) {
            replaceable.replaceChild(at.name(), replacement);
        } else {
            throw new IllegalArgumentException("cannot insert after " + layer.path() + ": its parent, a " + at.parent().getClass().getName()
                    + ", is neither a SequentialBlock nor a ReplaceableChildren");
        }
        insertedBlocks.add(block);
        layers = null; // paths below a rebuilt parent changed
        parents.clear();
    }

    /** Replaces a child of a sequential block by taking the children after it off and adding them back. */
    private static void replaceIn(SequentialBlock sequential, String name, Block replacement) {
        List<String> names = sequential.getChildren().keys();
        int index = names.indexOf(name);
        List<Block> tail = new ArrayList<>(sequential.getChildren().values().subList(index + 1, names.size()));
        for (int i = names.size() - 1; i >= index; i--) {
            sequential.removeLastBlock();
        }
        sequential.add(replacement);
        tail.forEach(sequential::add);
    }

    private void initialize(Block block, Shape... shapes) {
        block.setInitializer(new XavierInitializer(), parameter -> parameter.getType() == Parameter.Type.WEIGHT && parameter.getInitializer() == null);
        block.initialize(manager, DataType.FLOAT32, shapes);
    }

    /** A parameter store that reads reparametrised weights through their blocks. */
    private static final class ReparametrisedStore extends ParameterStore {
        private final ParameterStore store;
        private final Map<Parameter, Block> reparametrised;

        ReparametrisedStore(ParameterStore store, Map<Parameter, Block> reparametrised) {
            super(store.getManager(), false);
            this.store = store;
            this.reparametrised = reparametrised;
        }

        @Override
        public ai.djl.ndarray.NDArray getValue(Parameter parameter, ai.djl.Device device, boolean training) {
            ai.djl.ndarray.NDArray stored = store.getValue(parameter, device, training);
            Block block = reparametrised.get(parameter);
            return block == null ? stored : block.forward(store, new NDList(stored), training).singletonOrThrow();
        }

        @Override
        public void updateAllParameters() {
            store.updateAllParameters();
        }

        @Override
        public void sync() {
            store.sync();
        }
    }

    /** A layer followed by an inserted block. */
    static final class Inserted extends AbstractBlock {
        private static final byte VERSION = 1;
        private final Block layer;
        private final Block inserted;

        Inserted(Block layer, Block inserted) {
            super(VERSION);
            this.layer = addChildBlock("layer", layer);
            this.inserted = addChildBlock("inserted", inserted);
            this.inputShapes = layer.getInputShapes();
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            return inserted.forward(store, layer.forward(store, inputs, training, params), training, params);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputs) {
            return inserted.getOutputShapes(layer.getOutputShapes(inputs));
        }

        @Override
        public void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            layer.initialize(manager, dataType, inputShapes);
            inserted.initialize(manager, dataType, layer.getOutputShapes(inputShapes));
        }
    }
}
