package dev.graft.plugins.heads;

import dev.graft.spi.data.FeatureTable;
import dev.graft.spi.head.Head;
import dev.graft.spi.head.HeadContext;
import dev.graft.spi.head.HeadFactory;
import java.util.List;
import java.util.stream.IntStream;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Multinomial logistic regression fitted by Tribuo's linear SGD trainer (log loss, AdaGrad) on
 * features extracted once from a frozen backbone: feature extraction in the classic sense.
 */
public final class LogisticHeadFactory implements HeadFactory<LogisticHeadConfig> {
    /** The {@code type:} name. */
    public static final String NAME = "logistic";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<LogisticHeadConfig> configClass() {
        return LogisticHeadConfig.class;
    }

    @Override
    public boolean featureHead() {
        return true;
    }

    @Override
    public String description() {
        return "Tribuo logistic regression (linear SGD, log loss, AdaGrad) fitted on features of a frozen backbone";
    }

    @Override
    public Head create(LogisticHeadConfig config, HeadContext context) {
        return new Logistic(config);
    }

    private record Logistic(LogisticHeadConfig config) implements Head.FeatureClassifier {
        @Override
        public Fitted fit(FeatureTable train, FeatureTable validation, long seed) {
            Standardizer standardizer = config.standardize() ? Standardizer.fit(train) : Standardizer.identity(train.cols());
            String[] names = IntStream.range(0, train.cols()).mapToObj(j -> String.format("f%05d", j)).toArray(String[]::new);
            LabelFactory factory = new LabelFactory();
            List<Example<Label>> examples = IntStream.range(0, train.rows())
                    .mapToObj(i -> example(new Label(Integer.toString(train.labels()[i])), names, standardizer.row(train, i)))
                    .toList();
            MutableDataset<Label> dataset = new MutableDataset<>(new ListDataSource<>(examples, factory,
                    new SimpleDataSourceProvenance("graft backbone features", factory)));
            LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(config.learningRate(), 1e-6),
                    config.epochs(), -1, config.minibatch(), seed);
            Model<Label> model = trainer.train(dataset);
            int numClasses = train.numClasses();
            return features -> {
                float[][] out = new float[features.rows()][numClasses];
                for (int i = 0; i < features.rows(); i++) {
                    Prediction<Label> prediction = model.predict(example(LabelFactory.UNKNOWN_LABEL, names, standardizer.row(features, i)));
                    for (var score : prediction.getOutputScores().entrySet()) {
                        out[i][Integer.parseInt(score.getKey())] = (float) score.getValue().getScore();
                    }
                }
                return out;
            };
        }

        private static Example<Label> example(Label label, String[] names, double[] values) {
            return new ArrayExample<>(label, names, values);
        }
    }
}
